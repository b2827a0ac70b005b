// Sign-in. The token lives in sessionStorage (gone when the tab closes) and goes out only as a bearer header:
// no cookie is ever set, so there is nothing for a cross-site request to ride on (docs/dashboard.md).

const KEY = 'tierline.session';
let config = null;

export async function loadConfig() {
  if (!config) {
    const res = await fetch('/dashboard/config', {headers: {Accept: 'application/json'}});
    if (!res.ok) throw new Error('cannot load the dashboard configuration (HTTP ' + res.status + ')');
    config = await res.json();
  }
  return config;
}

/** The payload of a JWT, for the expiry only; the API verifies every token itself. */
function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')));
  } catch (e) {
    return {};
  }
}

export function session() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY));
    if (!s || !s.token) return null;
    if (s.expiresAt && Date.now() > s.expiresAt) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return s;
  } catch (e) {
    return null;
  }
}

function keep(accessToken) {
  const exp = claims(accessToken).exp;
  const s = {token: accessToken, expiresAt: exp ? exp * 1000 : null};
  sessionStorage.setItem(KEY, JSON.stringify(s));
  return s;
}

/** Local runner: the demo users of the stand-in for the user pool. */
export async function demoUsers(cfg) {
  const res = await fetch(cfg.signIn.endpoint.replace(/\/token$/, '/users'));
  return res.ok ? res.json() : [];
}

export async function signInLocal(cfg, username) {
  const res = await fetch(cfg.signIn.endpoint, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({username}),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.access_token) throw new Error(body.error_description || 'sign-in refused');
  return keep(body.access_token);
}

async function cognito(cfg, target, payload) {
  const res = await fetch(cfg.signIn.endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.' + target,
    },
    body: JSON.stringify(payload),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.message || body.__type || 'sign-in refused');
  return body;
}

/**
 * Cognito: USER_PASSWORD_AUTH. Answers {session} when signed in, or {challenge, challengeSession} when Cognito asks
 * for a new password (first sign-in of an admin-created user) or an MFA code.
 */
export async function signInCognito(cfg, username, password) {
  const body = await cognito(cfg, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: cfg.signIn.clientId,
    AuthParameters: {USERNAME: username, PASSWORD: password},
  });
  return settle(body);
}

export async function answerChallenge(cfg, challenge, challengeSession, username, answer) {
  const responses = {USERNAME: username};
  if (challenge === 'NEW_PASSWORD_REQUIRED') responses.NEW_PASSWORD = answer;
  else if (challenge === 'SOFTWARE_TOKEN_MFA') responses.SOFTWARE_TOKEN_MFA_CODE = answer;
  else throw new Error('unsupported sign-in step: ' + challenge);
  const body = await cognito(cfg, 'RespondToAuthChallenge', {
    ChallengeName: challenge, ClientId: cfg.signIn.clientId, Session: challengeSession, ChallengeResponses: responses,
  });
  return settle(body);
}

function settle(body) {
  if (body.AuthenticationResult) return {session: keep(body.AuthenticationResult.AccessToken)};
  if (body.ChallengeName) return {challenge: body.ChallengeName, challengeSession: body.Session};
  throw new Error('unexpected answer from the sign-in service');
}

export async function signOut() {
  const s = session();
  sessionStorage.removeItem(KEY);
  if (s && config && config.signIn.mode === 'cognito') {
    // best effort: also revoke the tokens at Cognito
    await cognito(config, 'GlobalSignOut', {AccessToken: s.token}).catch(() => {});
  }
}
