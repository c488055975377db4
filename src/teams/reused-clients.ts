/**
 * Bot Framework authentication that reuses the clients a turn talks to Teams with. CloudAdapter
 * builds a new ConnectorClient and a new UserTokenClient, each with its own HTTP pipeline and
 * credentials object, for every activity and every proactive message: under bench:turns that was
 * most of a turn's garbage and much of its CPU, for clients identical from one turn to the next.
 * A client depends only on the bot's app id, the service URL and the token audience, so one per
 * combination serves every turn. Their credentials still get and renew tokens themselves (and
 * botframework-connector caches tokens per app id and scope for the whole process anyway).
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** Service URLs come from authenticated activities and Teams has a handful; the bound is a backstop. */
const MAX_CLIENTS = 64;

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new ClientCache<ConnectorClient>(MAX_CLIENTS);
  private readonly userTokenClients = new ClientCache<UserTokenClient>(MAX_CLIENTS);

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
  }

  /** Proactive messages (notices, personal chats opened from a channel) come through here. */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return { create: (serviceUrl, audience) => this.connectors.get(`${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)) };
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
}

/** Clients by key, made once; a failed creation is forgotten so the next turn tries again. */
class ClientCache<T> {
  private readonly clients = new Map<string, Promise<T>>();

  constructor(private readonly max: number) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    const cached = this.clients.get(key);
    if (cached) return cached;
    const created = create();
    created.catch(() => {
      if (this.clients.get(key) === created) this.clients.delete(key);
    });
    this.clients.set(key, created);
    if (this.clients.size > this.max) this.clients.delete(this.clients.keys().next().value as string);
    return created;
  }
}
