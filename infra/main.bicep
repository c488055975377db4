// The privacy assistant on Azure, several instances: App Service (Linux, Node 22 LTS, or 24 LTS where
// the region offers it) scaled out, one storage account (Table Storage holds state, installations and
// the work queues), a user-assigned managed identity for both the bot's Entra identity and storage
// access (no keys, no bot password), the Azure Bot resource with its Teams channel, and Application
// Insights (on a Log Analytics workspace) receiving the bot's traces and metrics, with a workbook
// charting them (infra/workbook.json; docs/telemetry.md says what it shows).
//
// With the Microsoft 365 Agents Toolkit: `atk provision --env dev` deploys this file with
// infra/main.parameters.json and writes the outputs below into env/.env.dev (the toolkit names each
// output's variable after it, upper-cased, hence the names); `atk deploy --env dev` zip-deploys.
// Without it:
//
//   az deployment group create -g <rg> -f infra/main.bicep -p name=privacy-assistant instances=2
//
// Then: set PRIVACY_WEBHOOK_URL / PRIVACY_WEBHOOK_SECRET (or _SCOPE), PRIVACY_ADMIN_IDS and
// NOTICE_API_TOKEN as app settings (secrets ideally as Key Vault references), deploy the code
// (`npm run stage`, zip .deployment/app, `az webapp deploy --type zip`), and `npm run package` with
// BOT_ID set to the identity's client id to get the Teams app package.

@description('Base name for every resource.')
param name string = 'privacy-assistant'
param location string = resourceGroup().location
@minValue(1)
@maxValue(10)
param instances int = 2
@description('Comma list of tenant ids allowed to use the bot; empty allows the bot identity\'s own tenant only.')
param allowedTenantIds string = ''
@description('App Service\'s Node.js runtime. 24-lts where the region offers it (`az webapp list-runtimes --os-type linux`); the bot supports both.')
@allowed(['22-lts', '24-lts'])
param nodeVersion string = '22-lts'

// Days Log Analytics keeps the bot's traces and metrics (30 is the free retention).
var logRetentionDays = 30
var storageName = toLower(take(replace('${name}${uniqueString(resourceGroup().id)}', '-', ''), 24))

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // Keys off: only Entra identities (the bot's managed identity) reach the data.
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

// Storage Table Data Contributor: read and write entities, which is all the bot does.
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, tableDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
  }
}

// Where the bot's traces and metrics go: APPLICATIONINSIGHTS_CONNECTION_STRING below starts the Azure
// Monitor OpenTelemetry distro in the bot. Nothing personal is sent (docs/telemetry.md).
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

// The operators' page: turns by outcome, deliveries, queues, notices and Teams throttling, questions
// and status changes, and where slow turns spend their time. Opened from the Application Insights
// resource, Workbooks.
resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, name, 'operations-workbook')
  location: location
  kind: 'shared'
  properties: {
    displayName: 'Privacy assistant: operations'
    category: 'workbook'
    sourceId: insights.id
    serializedData: loadTextContent('workbook.json')
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: 'P0v3', capacity: instances }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      // Readiness: an instance whose content is not indexed or whose storage does not answer gets no traffic.
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMsi' }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        // DefaultAzureCredential picks the user-assigned identity by its client id.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'STORAGE', value: 'azure' }
        { name: 'AZURE_STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'ALLOWED_TENANT_IDS', value: empty(allowedTenantIds) ? identity.properties.tenantId : allowedTenantIds }
        // NOTICE_MAX_RPS is per instance: share the tenant's budget (30 a second) between them.
        { name: 'NOTICE_MAX_RPS', value: string(max(1, 30 / instances)) }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Privacy Assistant'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Upper-case names: the toolkit writes each output to env/.env.<env> under its own name.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = app.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${app.properties.defaultHostName}'
output AZURE_APP_SERVICE_RESOURCE_ID string = app.id
output AZURE_STORAGE_ACCOUNT_URL string = storage.properties.primaryEndpoints.table
output APPLICATIONINSIGHTS_RESOURCE_ID string = insights.id
