import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import type { Environment } from './environment';
import { parseConfig } from './load-config';

const LAB_TEXT = fs.readFileSync(path.resolve('config/lab.yaml'), 'utf8');
const PRODUCTION_TEXT = fs.readFileSync(path.resolve('config/example.production.yaml'), 'utf8');
const PRODUCTION_SECRETS = [
  'QDRANT_PRIMARY_API_KEY',
  'QDRANT_SECONDARY_API_KEY',
  'REDIS_PRIMARY_PASSWORD',
  'REDIS_SECONDARY_PASSWORD',
  'OPENAI_PRIMARY_API_KEY',
  'OPENAI_SECONDARY_API_KEY',
  'AZURE_CLIENT_SECRET',
  'TEAMS_DR_WEBHOOK_URL',
  'PAGERDUTY_ROUTING_KEY',
  'STATUS_WEBHOOK_URL',
  'STATUS_WEBHOOK_AUTHORIZATION',
];
const productionEnv = (): Environment => Object.fromEntries(PRODUCTION_SECRETS.map((name) => [name, `value-of-${name}`]));

type Mapping = Record<string, unknown>;

/** The lab file as data, changed by `edit`, back to YAML text. */
function labWith(edit: (config: Mapping) => void): string {
  const config = parse(LAB_TEXT) as Mapping;
  edit(config);
  return stringify(config);
}

function at(config: Mapping, dotted: string): Mapping {
  return dotted.split('.').reduce((node, key) => node[key] as Mapping, config);
}

/** The ConfigError's problem lines (`path: message`) for a text that must fail. */
function problemsOf(text: string, env: Environment = {}): string[] {
  try {
    parseConfig(text, 'test.yaml', env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
  }
  throw new Error('expected the configuration to be rejected');
}

describe('parseConfig with the shipped files', () => {
  it('accepts the lab configuration with an empty environment', () => {
    const config = parseConfig(LAB_TEXT, 'config/lab.yaml', {});
    expect(config.deploymentModel).toBe('warm');
    expect(config.objectives).toEqual({ rpoMinutes: 60, rtoMinutes: 60 });
    expect(config.components.qdrant.secondary.url).toBe('http://127.0.0.1:6343');
    expect(config.components.frontDoor.originGroups).toEqual({ primary: 'og-canadacentral', secondary: 'og-canadaeast' });
    expect(config.auth).toEqual({ protocol: 'oidc', authority: 'https://localhost:4443', clientId: 'lifeboat', knownAuthorities: ['localhost:4443'], sessionHours: 8 });
  });

  it('accepts the production example once its secrets are in the environment', () => {
    const config = parseConfig(PRODUCTION_TEXT, 'config/example.production.yaml', productionEnv());
    expect(config.auth.protocol).toBe('entra');
    expect(config.notifications.targets.map((target) => target.kind)).toEqual(['teams', 'pagerduty', 'webhook']);
  });

  it('keeps secret values out of the parsed configuration', () => {
    const config = parseConfig(PRODUCTION_TEXT, 'config/example.production.yaml', productionEnv());
    expect(JSON.stringify(config)).not.toContain('value-of-');
    expect(config.components.qdrant.primary.apiKeyEnv).toBe('QDRANT_PRIMARY_API_KEY');
  });

  it('rejects the production example without its secrets, naming each field and variable', () => {
    const problems = problemsOf(PRODUCTION_TEXT);
    expect(problems).toHaveLength(PRODUCTION_SECRETS.length);
    expect(problems).toContain('components.qdrant.primary.apiKeyEnv: environment variable QDRANT_PRIMARY_API_KEY is not set');
    expect(problems).toContain('notifications.targets[2].secretHeadersEnv.Authorization: environment variable STATUS_WEBHOOK_AUTHORIZATION is not set');
  });

  it('reads JSON, which is YAML too', () => {
    const config = parseConfig(JSON.stringify(parse(LAB_TEXT)), 'lab.json', {});
    expect(config.regions.secondary.name).toBe('canadaeast');
  });
});

describe('parseConfig defaults', () => {
  it('fills policy sections that are left out', () => {
    const config = parseConfig(
      labWith((c) => {
        delete c.approvals;
        delete c.schedules;
        delete c.notifications;
        delete c.azure;
        delete at(c, 'auth').sessionHours;
        delete at(c, 'components.blob').containers;
      }),
      'test.yaml',
      {},
    );
    expect(config.approvals).toEqual({
      approversRequired: 2,
      requestExpiryMinutes: 60,
      approvalExpiryMinutes: 30,
      reauthMaxAgeMinutes: 10,
      breakGlass: { enabled: false, approversRequired: 1, requestExpiryMinutes: 15 },
    });
    expect(config.schedules.retentionDays).toEqual({ qdrant: 30, redis: 7 });
    expect(config.schedules.probeIntervalSeconds).toBe(30);
    expect(config.notifications.targets).toEqual([]);
    expect(config.azure.staticTokenForLab).toBe(false);
    expect(config.auth.sessionHours).toBe(8);
    expect(config.components.blob.containers).toEqual({ qdrantSnapshots: 'qdrant-snapshots', redisBackups: 'redis-backups', audit: 'audit' });
  });
});

describe('notification targets, alert thresholds and RTO estimates', () => {
  it('the lab names its inbox targets as optional: they load with their variables unset', () => {
    const config = parseConfig(LAB_TEXT, 'config/lab.yaml', {});
    expect(config.notifications.targets.map((target) => [target.kind, target.name, target.optional])).toEqual([
      ['teams', 'lab-teams', true],
      ['pagerduty', 'lab-pagerduty', true],
      ['webhook', 'lab-webhook', true],
    ]);
    const pagerDuty = config.notifications.targets[1];
    expect(pagerDuty?.kind === 'pagerduty' && pagerDuty.eventsUrl).toBe('http://127.0.0.1:8099/pagerduty');
  });

  it('a target that is not optional still needs its variable; PagerDuty defaults to the real events URL', () => {
    const text = labWith((c) => {
      at(c, 'notifications').targets = [
        { kind: 'pagerduty', name: 'on-call', routingKeyEnv: 'PD_KEY' },
        { kind: 'teams', name: 'dr', optional: true, webhookUrlEnv: 'TEAMS_URL' },
      ];
    });
    expect(problemsOf(text)).toEqual(['notifications.targets[0].routingKeyEnv: environment variable PD_KEY is not set']);
    const config = parseConfig(text, 'test.yaml', { PD_KEY: 'key' });
    expect(config.notifications.targets[0]).toEqual({ kind: 'pagerduty', name: 'on-call', optional: false, routingKeyEnv: 'PD_KEY', eventsUrl: 'https://events.pagerduty.com/v2/enqueue' });
  });

  it('alert thresholds and step estimates default when left out, and are checked when given', () => {
    const config = parseConfig(labWith((c) => { delete c.alerts; delete c.rto; }), 'test.yaml', {});
    expect(config.alerts).toEqual({ primaryUnhealthyFailures: 3, replicationLagMinutes: 90, redisBackupStaleMinutes: 120, drillOverdueDays: 90 });
    expect(config.rto).toEqual({ stepEstimatesMinutes: {} });
    const text = labWith((c) => {
      c.alerts = { replicationLagMinutes: 0, primaryUnhealthyFailure: 3 };
      c.rto = { stepEstimatesMinutes: { 'restore-qdrant': -1 } };
    });
    expect(problemsOf(text)).toEqual([
      'alerts.replicationLagMinutes: must be greater than 0 (got 0)',
      'alerts.primaryUnhealthyFailure: unknown key (did you mean "primaryUnhealthyFailures"?)',
      'rto.stepEstimatesMinutes.restore-qdrant: must be at least 0 (got -1)',
    ]);
  });
});

describe('parseConfig rejects bad configuration with the field path', () => {
  it('names the file and counts the problems in the message', () => {
    const text = labWith((c) => {
      at(c, 'objectives').rpoMinutes = -5;
      delete at(c, 'auth').clientId;
    });
    expect(() => parseConfig(text, 'config/broken.yaml', {})).toThrow(/^invalid Lifeboat configuration in config\/broken\.yaml \(2 problems\):\n {2}objectives\.rpoMinutes/);
  });

  it('optional steps are off by default; storage-account failover needs the account\'s resource group', () => {
    const defaults = parseConfig(labWith((c) => delete at(c, 'runbooks').optionalSteps), 'test.yaml', {});
    expect(defaults.runbooks.optionalSteps).toEqual({ openaiEndpointSwitch: false, storageAccountFailover: false });
    const text = labWith((c) => {
      at(c, 'runbooks').optionalSteps = { storageAccountFailover: true, openaiEndpointSwich: true };
      delete at(c, 'components.blob').resourceGroup;
      at(c, 'components.keyVault').openaiEndpointSecret = 'openai_endpoint';
    });
    expect(problemsOf(text)).toEqual([
      'components.keyVault.openaiEndpointSecret: not a valid Key Vault secret name: 1-127 letters, digits and - (got "openai_endpoint")',
      'runbooks.optionalSteps.openaiEndpointSwich: unknown key (did you mean "openaiEndpointSwitch"?)',
    ]);
    const fixed = labWith((c) => {
      at(c, 'runbooks').optionalSteps = { storageAccountFailover: true };
      delete at(c, 'components.blob').resourceGroup;
    });
    expect(problemsOf(fixed)).toEqual(["components.blob.resourceGroup: required when runbooks.optionalSteps.storageAccountFailover is on: the account failover is an ARM call on the account's resource group"]);
  });

  it('a missing field', () => {
    expect(problemsOf(labWith((c) => delete at(c, 'auth').clientId))).toEqual(['auth.clientId: required']);
  });

  it('a field present without a value', () => {
    expect(problemsOf(labWith((c) => (at(c, 'components.qdrant.primary').url = null)))).toEqual(['components.qdrant.primary.url: required: the key is there but has no value (expected text)']);
  });

  it('a bad URL', () => {
    expect(problemsOf(labWith((c) => (at(c, 'components.qdrant.primary').url = 'htp:/x')))).toEqual(['components.qdrant.primary.url: not a valid URL (got "htp:/x")']);
  });

  it('plain http where https is required', () => {
    expect(problemsOf(labWith((c) => (at(c, 'auth').authority = 'http://localhost:4443')))).toContain('auth.authority: must use https:// (got "http://localhost:4443")');
  });

  it('a negative RPO', () => {
    expect(problemsOf(labWith((c) => (at(c, 'objectives').rpoMinutes = -5)))).toEqual(['objectives.rpoMinutes: must be greater than 0 (got -5)']);
  });

  it('an unknown (misspelt) key, with a suggestion', () => {
    const text = labWith((c) => {
      const primary = at(c, 'components.qdrant.primary');
      primary.colections = primary.collections;
      delete primary.collections;
    });
    expect(problemsOf(text)).toEqual(['components.qdrant.primary.collections: required', 'components.qdrant.primary.colections: unknown key (did you mean "collections"?)']);
  });

  it('an unknown top-level section', () => {
    expect(problemsOf(labWith((c) => (c.extras = { a: 1 })))).toEqual([expect.stringMatching(/^extras: unknown key \(allowed: version, name, regions, /)]);
  });

  it('a secret environment variable that is not set, or empty', () => {
    const text = labWith((c) => (at(c, 'components.qdrant.primary').apiKeyEnv = 'QDRANT_PRIMARY_API_KEY'));
    expect(problemsOf(text)).toEqual(['components.qdrant.primary.apiKeyEnv: environment variable QDRANT_PRIMARY_API_KEY is not set']);
    expect(problemsOf(text, { QDRANT_PRIMARY_API_KEY: ' ' })).toEqual(['components.qdrant.primary.apiKeyEnv: environment variable QDRANT_PRIMARY_API_KEY is empty']);
    expect(parseConfig(text, 'test.yaml', { QDRANT_PRIMARY_API_KEY: 'k' }).components.qdrant.primary.apiKeyEnv).toBe('QDRANT_PRIMARY_API_KEY');
  });

  it('a secret pasted where its variable name belongs, without echoing it', () => {
    const problems = problemsOf(labWith((c) => (at(c, 'components.redis.primary').passwordEnv = 'hunter2-s3cr3t')));
    expect(problems).toEqual([expect.stringMatching(/^components\.redis\.primary\.passwordEnv: must be the NAME of an environment variable/)]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('a password inside a URL, without echoing it', () => {
    const problems = problemsOf(labWith((c) => (at(c, 'components.redis.secondary').url = 'redis://:hunter2@127.0.0.1:6381')));
    expect(problems).toEqual([expect.stringMatching(/^components\.redis\.secondary\.url: must not contain a user name or password/)]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('a bad cron expression', () => {
    expect(problemsOf(labWith((c) => (at(c, 'schedules').qdrantSnapshot = '0 25 * * *')))).toEqual([
      'schedules.qdrantSnapshot: not a valid cron expression: hour "25" is out of range 0-23 (got "0 25 * * *")',
    ]);
    expect(problemsOf(labWith((c) => (at(c, 'schedules').redisVerify = 'every hour')))).toEqual([
      'schedules.redisVerify: not a valid cron expression: expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found 2 (got "every hour")',
    ]);
  });

  it('a snapshot schedule that cannot meet the RPO', () => {
    expect(problemsOf(labWith((c) => (at(c, 'schedules').qdrantSnapshot = '0 2 * * *')))).toEqual([
      'schedules.qdrantSnapshot: can leave 1440 minutes between runs, more than objectives.rpoMinutes (60): run it at least that often (got "0 2 * * *")',
    ]);
  });

  it('a Redis verification slower than the RPO (a failover restores only the newest verified backup)', () => {
    expect(problemsOf(labWith((c) => (at(c, 'schedules').redisVerify = '0 3 * * *')))).toEqual([
      'schedules.redisVerify: can leave 1440 minutes between runs, more than objectives.rpoMinutes (60): run it at least that often (got "0 3 * * *")',
    ]);
  });

  it('duplicate region names', () => {
    expect(problemsOf(labWith((c) => (at(c, 'regions.secondary').name = 'canadacentral')))).toEqual(['regions.secondary.name: must differ from regions.primary.name (both are "canadacentral")']);
  });

  it('both regions pointing at the same Qdrant', () => {
    expect(problemsOf(labWith((c) => (at(c, 'components.qdrant.secondary').url = 'http://127.0.0.1:6333/')))).toEqual([
      'components.qdrant.secondary.url: must differ from primary.url: each region needs its own (both are "http://127.0.0.1:6333")',
    ]);
  });

  it('a secondary that lacks a primary collection', () => {
    expect(problemsOf(labWith((c) => (at(c, 'components.qdrant.secondary').collections = ['other'])))).toEqual([
      'components.qdrant.secondary.collections: must include every primary collection, since the secondary restores them (missing: "documents")',
    ]);
  });

  it('a production node count below the standby count', () => {
    expect(problemsOf(labWith((c) => (at(c, 'components.aks.secondary').productionNodeCount = 2)))).toEqual([
      'components.aks.secondary.productionNodeCount: must be at least standbyNodeCount (3) (got 2)',
    ]);
  });

  it('an active-active secondary running below production size', () => {
    expect(problemsOf(labWith((c) => (c.deploymentModel = 'active-active')))).toEqual([
      'components.aks.secondary.standbyNodeCount: must equal productionNodeCount (6) for deploymentModel "active-active", where the secondary serves at full size (got 3)',
    ]);
  });

  it('an unknown deployment model', () => {
    expect(problemsOf(labWith((c) => (c.deploymentModel = 'hot')))).toEqual(['deploymentModel: must be one of "cold", "warm", "active-active" (got "hot")']);
    expect(problemsOf(labWith((c) => delete c.deploymentModel))).toEqual(['deploymentModel: required: one of "cold", "warm", "active-active"']);
  });

  it('an oidc sign-in without knownAuthorities, or without the authority among them', () => {
    expect(problemsOf(labWith((c) => (at(c, 'auth').knownAuthorities = [])))).toEqual([
      'auth.knownAuthorities: required for protocol "oidc": list the authority\'s host, e.g. ["localhost:4443"]',
    ]);
    expect(problemsOf(labWith((c) => (at(c, 'auth').knownAuthorities = ['login.example.org'])))).toEqual([
      'auth.knownAuthorities: must include the authority\'s host "localhost:4443", or MSAL refuses it',
    ]);
  });

  it('fewer than two approvers', () => {
    expect(problemsOf(labWith((c) => (at(c, 'approvals').approversRequired = 1)))).toEqual([
      'approvals.approversRequired: must be at least 2: the two-person rule (only breakGlass.approversRequired may be lower) (got 1)',
    ]);
  });

  it('break-glass with nobody to tell', () => {
    expect(problemsOf(labWith((c) => (at(c, 'approvals.breakGlass').enabled = true)))).toEqual([
      'approvals.breakGlass.enabled: needs at least one notifications.targets entry that is not optional, so that every break-glass use is announced',
    ]);
  });

  it('the lab token aimed at real Azure', () => {
    expect(problemsOf(labWith((c) => (at(c, 'components.frontDoor').armEndpoint = 'https://management.azure.com')))).toEqual([
      'azure.staticTokenForLab: only works against the lab\'s loopback ARM emulator, not "https://management.azure.com": configure tenantId/clientId/clientSecretEnv or a managed identity',
    ]);
  });

  it('a blob secondary URL that is not the -secondary endpoint', () => {
    expect(problemsOf(labWith((c) => (at(c, 'components.blob').secondaryUrl = 'http://127.0.0.1:10000/devstoreaccount1')))).toEqual([
      expect.stringMatching(/^components\.blob\.secondaryUrl: must be the account's "-secondary" endpoint/),
    ]);
  });

  it('a notification target of an unknown kind, and a credential in plain headers', () => {
    const text = labWith((c) => {
      at(c, 'notifications').targets = [
        { kind: 'slack', name: 'a' },
        { kind: 'webhook', name: 'b', urlEnv: 'HOOK_URL', headers: { Authorization: 'Bearer abc' } },
      ];
    });
    expect(problemsOf(text, { HOOK_URL: 'https://hooks.example.org' })).toEqual([
      'notifications.targets[0].kind: must be one of "teams", "pagerduty", "webhook" (got "slack")',
      'notifications.targets[1].headers.Authorization: looks like a credential: secrets never go in the file; move it to secretHeadersEnv',
    ]);
  });

  it('a wrong type', () => {
    expect(problemsOf(labWith((c) => (at(c, 'components.aks.primary').standbyNodeCount = 'three')))).toEqual([
      'components.aks.primary.standbyNodeCount: expected a number (got "three")',
    ]);
    expect(problemsOf(labWith((c) => (at(c, 'components.aks.primary').standbyNodeCount = 1.5)))).toEqual([
      'components.aks.primary.standbyNodeCount: expected a whole number (got 1.5)',
    ]);
  });

  it('reports every problem at once, schema and secrets together', () => {
    const text = labWith((c) => {
      at(c, 'objectives').rtoMinutes = 0;
      at(c, 'components.openai.primary').apiKeyEnv = 'OPENAI_PRIMARY_API_KEY';
      at(c, 'regions.primary').label = '';
    });
    expect(problemsOf(text)).toEqual([
      'regions.primary.label: must not be empty (got "")',
      'objectives.rtoMinutes: must be greater than 0 (got 0)',
      'components.openai.primary.apiKeyEnv: environment variable OPENAI_PRIMARY_API_KEY is not set',
    ]);
  });

  it('YAML syntax errors, with the line', () => {
    expect(problemsOf('version: 1\nname: x: y\n')).toEqual(['YAML syntax error at line 2, column 7: Nested mappings are not allowed in compact mappings']);
    expect(problemsOf('version: 1\nregions:\n\t- b\n')).toEqual(['YAML syntax error at line 3, column 1: Tabs are not allowed as indentation']);
    expect(problemsOf('version: 1\nversion: 1\n')).toEqual([expect.stringMatching(/^YAML syntax error at line 2, column 1: Map keys must be unique/)]);
  });

  it('an empty file or a file that is not a mapping', () => {
    expect(problemsOf('')).toEqual(['the file is empty']);
    expect(problemsOf('- a\n- b\n')).toEqual(['expected a mapping (got a list of 2)']);
  });
});
