import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ConfigSchema } from '../../src/config.js';

/**
 * What deploy/README.md promises about deploy/, checked on the files themselves: each check returns the
 * problems it finds, so that each can be shown to fail on a broken copy (the mutations at the end).
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPLOY = join(ROOT, 'deploy');

/** Variables that the OpenTelemetry SDK reads itself (config.ts declares only the one that turns tracing on). */
const OTEL_SDK_SETTINGS = ['OTEL_SERVICE_NAME'];
/** Peak RSS of an API process under load, measured for issue 11 (docs/performance.md). */
const MEASURED_API_PEAK_RSS = 182 * 1024 * 1024;
/** Time left, after the drain the settings ask for, for closing the database pool and exiting. */
const EXIT_MARGIN_MS = 5_000;
const PLACEHOLDER = 'REPLACE_ME';
const IMAGE = 'orderly';

interface Probe {
  httpGet?: { path: string; port: number | string };
  tcpSocket?: { port: number | string };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds: number }; exec?: { command: string[] } } };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { cpu?: string; memory?: string } };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean };
}
interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    minAvailable?: number | string;
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    strategy?: { type: string; rollingUpdate?: { maxUnavailable?: number | string } };
    ports?: { name?: string; port: number; targetPort: number | string }[];
    template?: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}
interface ComposeService {
  image?: string;
  build?: { dockerfile?: string };
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string[];
  expose?: string[];
  ports?: string[];
  volumes?: string[];
  read_only?: boolean;
  restart?: string;
  stop_grace_period?: string;
  healthcheck?: { test: unknown[] };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number; resources?: { limits?: { memory?: string } } };
}

interface Deploy {
  /** Every YAML document of deploy/, by path relative to deploy/. */
  yaml: Map<string, unknown[]>;
  compose: { services: Record<string, ComposeService> };
  composeText: string;
  /** deploy/kubernetes/*.yaml except the kustomization, in file order. */
  objects: { file: string; object: K8sObject }[];
  kustomization: { resources: string[]; sortOptions?: { order: string } };
  caddyfile: string;
  dockerfile: string;
  gitignore: string[];
  /** The KEY=value files (*.env.example) by name. */
  envExamples: Map<string, Map<string, string>>;
}

/** The problems of YAML text: parse errors and warnings, e.g. an unquoted `a ? b : c` read as a mapping. */
function yamlProblems(name: string, text: string): string[] {
  return parseAllDocuments(text, { merge: true }).flatMap((doc) =>
    [...doc.errors, ...doc.warnings].map((error) => `${name}: ${error.message}`),
  );
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

function readEnvFile(path: string): Map<string, string> {
  const entries = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at), line.slice(at + 1)] as [string, string];
    });
  return new Map(entries);
}

function readDeploy(): Deploy {
  const yaml = new Map<string, unknown[]>();
  for (const path of yamlFiles(DEPLOY)) {
    const docs = parseAllDocuments(readFileSync(path, 'utf8'), { merge: true });
    yaml.set(
      relative(DEPLOY, path),
      docs.map((doc) => doc.toJS()),
    );
  }
  const objects = [...yaml.entries()]
    .filter(([file]) => file.startsWith('kubernetes/') && !file.endsWith('kustomization.yaml'))
    .flatMap(([file, docs]) => docs.map((object) => ({ file: file.slice('kubernetes/'.length), object })));
  const envExamples = new Map(
    readdirSync(DEPLOY)
      .filter((name) => name.endsWith('env.example'))
      .map((name) => [name, readEnvFile(join(DEPLOY, name))] as const),
  );
  return {
    yaml,
    compose: yaml.get('compose.yaml')?.[0] as Deploy['compose'],
    composeText: readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8'),
    objects: objects as Deploy['objects'],
    kustomization: yaml.get('kubernetes/kustomization.yaml')?.[0] as Deploy['kustomization'],
    caddyfile: readFileSync(join(DEPLOY, 'Caddyfile'), 'utf8'),
    dockerfile: readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8'),
    gitignore: readFileSync(join(DEPLOY, '.gitignore'), 'utf8').split('\n'),
    envExamples,
  };
}

// --- Lookups -------------------------------------------------------------------------------------------

function object(d: Deploy, kind: string, name: string): K8sObject {
  const found = d.objects.find(({ object }) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return found.object;
}

function pod(d: Deploy, kind: string, name: string): PodSpec {
  const spec = object(d, kind, name).spec?.template?.spec;
  if (!spec) throw new Error(`${kind} ${name} has no pod template`);
  return spec;
}

function mainContainer(d: Deploy, deployment: string): Container {
  const [container] = pod(d, 'Deployment', deployment).containers;
  if (!container) throw new Error(`Deployment ${deployment} has no container`);
  return container;
}

const allContainers = (spec: PodSpec) => [...(spec.initContainers ?? []), ...spec.containers];
const workloads = (d: Deploy) =>
  d.objects.filter(({ object }) => object.kind === 'Deployment' || object.kind === 'Job');

/** The environment a container sees: its ConfigMaps and Secrets (templates included), then its own env. */
function containerEnv(d: Deploy, container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const source = from.configMapRef
      ? object(d, 'ConfigMap', from.configMapRef.name).data
      : from.secretRef && object(d, 'Secret', from.secretRef.name).stringData;
    Object.assign(env, source);
  }
  for (const { name, value } of container.env ?? []) env[name] = value ?? '';
  return env;
}

function containerPort(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

const commandOf = (command: unknown[] | undefined) => (command ?? []).join(' ');

const orderlyServices = (d: Deploy) =>
  Object.entries(d.compose.services).filter(
    ([, service]) => service.build?.dockerfile === 'deploy/Dockerfile',
  );
const composeServicesRunning = (d: Deploy, command: string) =>
  orderlyServices(d).filter(([, service]) => commandOf(service.command) === command);

/** A Kubernetes quantity of bytes (`256Mi`, `1Gi`, `500M`). */
function k8sBytes(quantity: string | undefined): number {
  const match = /^(\d+)(Ki|Mi|Gi|K|M|G)?$/.exec(quantity ?? '');
  if (!match) return Number.NaN;
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, K: 1e3, M: 1e6, G: 1e9 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * unit;
}

/** A Compose duration (`25s`, `1m30s`) in milliseconds. */
function composeMs(duration: string | undefined): number {
  const parts = [...(duration ?? '').matchAll(/(\d+)(ms|s|m|h)/g)];
  if (parts.length === 0) return Number.NaN;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((sum, [, n, u]) => sum + Number(n) * unit[u as keyof typeof unit], 0);
}

// --- Checks: each returns what is wrong, [] when deploy/ keeps its promise ------------------------------

function probeProblems(d: Deploy): string[] {
  const problems: string[] = [];
  const api = mainContainer(d, 'orderly-api');
  const apiPort = Number(containerEnv(d, api).PORT);
  const expectHttp = (kind: keyof Container, probe: Probe | undefined, path: string) => {
    if (probe?.httpGet?.path !== path) problems.push(`API ${kind} is not GET ${path}`);
    if (containerPort(api, probe?.httpGet?.port) !== apiPort) problems.push(`API ${kind} is not on PORT`);
  };
  expectHttp('livenessProbe', api.livenessProbe, '/livez');
  expectHttp('readinessProbe', api.readinessProbe, '/readyz');
  if (api.startupProbe) expectHttp('startupProbe', api.startupProbe, '/livez');
  if (containerPort(api, 'http') !== apiPort) problems.push('the API port `http` is not PORT');
  const service = object(d, 'Service', 'orderly-api');
  if (!service.spec?.ports?.every((p) => containerPort(api, p.targetPort) === apiPort)) {
    problems.push('the Service does not target PORT');
  }
  const worker = mainContainer(d, 'orderly-worker');
  const metricsPort = Number(containerEnv(d, worker).METRICS_PORT);
  for (const kind of ['startupProbe', 'livenessProbe'] as const) {
    if (containerPort(worker, worker[kind]?.tcpSocket?.port) !== metricsPort) {
      problems.push(`worker ${kind} is not a TCP connection to METRICS_PORT`);
    }
  }
  return problems;
}

function drainProblems(d: Deploy): string[] {
  const problems: string[] = [];
  const api = mainContainer(d, 'orderly-api');
  const env = containerEnv(d, api);
  const delay = Number(env.SHUTDOWN_DELAY_MS);
  const timeout = Number(env.SHUTDOWN_TIMEOUT_MS);
  const preStop = (api.lifecycle?.preStop?.sleep?.seconds ?? Number.NaN) * 1000;
  if (preStop !== delay) problems.push(`API preStop sleep ${preStop} ms is not SHUTDOWN_DELAY_MS ${delay}`);
  // The grace period counts from the start of preStop, before SIGTERM.
  const grace = (pod(d, 'Deployment', 'orderly-api').terminationGracePeriodSeconds ?? 30) * 1000;
  if (!(grace >= preStop + delay + timeout + EXIT_MARGIN_MS)) {
    problems.push(`API grace ${grace} ms does not cover preStop + SHUTDOWN_DELAY_MS + SHUTDOWN_TIMEOUT_MS`);
  }
  const workerTimeout = Number(containerEnv(d, mainContainer(d, 'orderly-worker')).SHUTDOWN_TIMEOUT_MS);
  const workerGrace = (pod(d, 'Deployment', 'orderly-worker').terminationGracePeriodSeconds ?? 30) * 1000;
  if (!(workerGrace >= workerTimeout + EXIT_MARGIN_MS)) {
    problems.push(`worker grace ${workerGrace} ms does not cover SHUTDOWN_TIMEOUT_MS`);
  }
  for (const [name, service] of orderlyServices(d)) {
    const { SHUTDOWN_DELAY_MS, SHUTDOWN_TIMEOUT_MS } = service.environment ?? {};
    const needed = Number(SHUTDOWN_DELAY_MS ?? 0) + Number(SHUTDOWN_TIMEOUT_MS ?? 10_000) + EXIT_MARGIN_MS;
    if (!(composeMs(service.stop_grace_period) >= needed)) {
      problems.push(`compose ${name} stop_grace_period does not cover the drain`);
    }
  }
  const strategy = object(d, 'Deployment', 'orderly-api').spec?.strategy;
  if (strategy?.type !== 'RollingUpdate' || strategy.rollingUpdate?.maxUnavailable !== 0) {
    problems.push('API rollout may take a pod away before its successor is ready');
  }
  return problems;
}

function migrationProblems(d: Deploy): string[] {
  const problems: string[] = [];
  const { resources, sortOptions } = d.kustomization;
  if (sortOptions?.order !== 'fifo')
    problems.push('kustomize may reorder the resources (sortOptions not fifo)');
  const job = d.objects.find(({ object }) => object.kind === 'Job');
  const jobSpec = job?.object.spec?.template?.spec;
  const migrate = jobSpec?.containers[0];
  if (!job || !migrate || commandOf(migrate.command) !== 'node dist/cli.js migrate') {
    return [...problems, 'no Job runs `node dist/cli.js migrate`'];
  }
  for (const { file, object } of d.objects.filter(({ object }) => object.kind === 'Deployment')) {
    const name = object.metadata.name;
    if (!(resources.indexOf(job.file) < resources.indexOf(file) && resources.includes(job.file))) {
      problems.push(`the migration Job is not applied before Deployment ${name}`);
    }
    const spec = pod(d, 'Deployment', name);
    const waits = spec.initContainers?.some(
      (init) =>
        commandOf(init.command) === commandOf(migrate.command) &&
        init.image === migrate.image &&
        JSON.stringify(init.envFrom) === JSON.stringify(spec.containers[0]?.envFrom),
    );
    if (!waits) problems.push(`Deployment ${name} does not wait for the migrations (init container)`);
  }
  return problems;
}

function commandProblems(d: Deploy): string[] {
  const usage = readFileSync(join(ROOT, 'src/cli.ts'), 'utf8');
  const commands = [
    ...orderlyServices(d).map(([name, service]) => [`compose ${name}`, commandOf(service.command)]),
    ...workloads(d).flatMap(({ object }) =>
      allContainers(pod(d, object.kind, object.metadata.name)).map((c) => [
        `${object.kind} ${object.metadata.name}/${c.name}`,
        commandOf(c.command),
      ]),
    ),
  ];
  return commands.flatMap(([where, command]) => {
    const server = command === 'node dist/server.js' && existsSync(join(ROOT, 'src/server.ts'));
    const cli = /^node dist\/cli\.js (\S+)$/.exec(command ?? '');
    const known = server || (cli !== null && usage.includes(`\n  ${cli[1]} `));
    return known ? [] : [`${where} runs \`${command}\`, which is no Orderly command`];
  });
}

const CONFIG_NAMES = new Set([...Object.keys(ConfigSchema.properties), ...OTEL_SDK_SETTINGS]);

function envNameProblems(d: Deploy): string[] {
  const named: [string, string[]][] = [
    ...orderlyServices(d).map(([name, s]) => [`compose ${name}`, Object.keys(s.environment ?? {})] as const),
    ['orderly.env.example', [...(d.envExamples.get('orderly.env.example')?.keys() ?? [])]],
    ['Dockerfile ENV', [...d.dockerfile.matchAll(/^ENV (.+)$/gm)].flatMap(([, l]) => envKeys(l ?? ''))],
    ...d.objects
      .filter(({ object }) => object.kind === 'ConfigMap' || object.kind === 'Secret')
      .map(({ object }) => [
        `${object.kind} ${object.metadata.name}`,
        Object.keys({ ...object.data, ...object.stringData }),
      ]),
    ...workloads(d).flatMap(({ object }) =>
      allContainers(pod(d, object.kind, object.metadata.name)).map(
        (c) => [`${object.metadata.name}/${c.name}`, (c.env ?? []).map((e) => e.name)] as [string, string[]],
      ),
    ),
  ] as [string, string[]][];
  return named.flatMap(([where, names]) =>
    names.filter((name) => !CONFIG_NAMES.has(name)).map((name) => `${where}: ${name} is not in config.ts`),
  );
}

const envKeys = (line: string) => [...line.matchAll(/(\w+)=/g)].map(([, key]) => key ?? '');

function composeProblems(d: Deploy): string[] {
  const problems: string[] = [];
  const { services } = d.compose;
  const apis = composeServicesRunning(d, 'node dist/server.js');
  const workers = composeServicesRunning(d, 'node dist/cli.js worker');
  const migrations = composeServicesRunning(d, 'node dist/cli.js migrate');
  if (migrations.length !== 1) return ['compose has no single migration service'];
  const [migrateName, migrate] = migrations[0] as [string, ComposeService];
  if (migrate.restart !== 'no') problems.push('the compose migration service restarts');
  const needs = (name: string, service: ComposeService, dependency: string, condition: string) => {
    if (service.depends_on?.[dependency]?.condition !== condition) {
      problems.push(`compose ${name} does not wait for ${dependency} (${condition})`);
    }
  };
  const healthcheck = (service: ComposeService | undefined) => {
    const test = service?.healthcheck?.test ?? [];
    return test.every((part) => typeof part === 'string') ? test.join(' ') : '';
  };
  needs(migrateName, migrate, 'postgres', 'service_healthy');
  for (const [name, service] of apis) {
    needs(name, service, migrateName, 'service_completed_successfully');
    needs(name, service, 'postgres', 'service_healthy');
    needs(name, service, 'redis', 'service_healthy');
    const port = service.environment?.PORT;
    if (!healthcheck(service).includes(`127.0.0.1:${port}/readyz`)) {
      problems.push(`compose ${name} health check is not GET /readyz on PORT`);
    }
    const env = service.environment ?? {};
    if (env.DISPATCHER_IN_API !== 'false') problems.push(`compose ${name} sends SMS itself`);
    if (env.TRUST_PROXY !== 'true' || !env.PUBLIC_URL?.startsWith('https://')) {
      problems.push(`compose ${name} does not run behind the proxy (TRUST_PROXY, PUBLIC_URL)`);
    }
  }
  for (const [name, service] of workers) {
    needs(name, service, migrateName, 'service_completed_successfully');
    needs(name, service, 'postgres', 'service_healthy');
    if (!healthcheck(service).includes(`connect(${service.environment?.METRICS_PORT},`)) {
      problems.push(`compose ${name} health check does not connect to METRICS_PORT`);
    }
  }
  if (!healthcheck(services.postgres).startsWith('CMD pg_isready')) problems.push('postgres: no pg_isready');
  if (healthcheck(services.redis) !== 'CMD redis-cli ping') problems.push('redis: no redis-cli ping');
  for (const [name, service] of orderlyServices(d)) {
    if (healthcheck(service) === '' && name !== migrateName)
      problems.push(`compose ${name}: no health check`);
  }
  return problems;
}

function proxyProblems(d: Deploy): string[] {
  const problems: string[] = [];
  const apis = composeServicesRunning(d, 'node dist/server.js');
  const upstreams = /reverse_proxy\s+([^{\n]+)\{/.exec(d.caddyfile)?.[1]?.trim().split(/\s+/) ?? [];
  const expected = apis.map(([name, service]) => `${name}:${service.environment?.PORT}`);
  if (upstreams.sort().join(' ') !== expected.sort().join(' ')) {
    problems.push(`Caddy proxies to ${upstreams.join(' ')}, not to the API services ${expected.join(' ')}`);
  }
  if (/^\s*health_uri (\S+)/m.exec(d.caddyfile)?.[1] !== '/readyz')
    problems.push('Caddy does not check /readyz');
  const tls = /^\s*tls (\/certs\/\S+) (\/certs\/\S+)$/m.exec(d.caddyfile);
  const proxy = d.compose.services.proxy;
  if (!tls || !proxy?.volumes?.some((volume) => volume.endsWith(':/certs:ro'))) {
    problems.push('Caddy does not serve the mounted certificate');
  }
  if (!/^http:\/\/\S+ \{\s*\n\s*redir https:\/\/\{host\}\{uri\} permanent/m.test(d.caddyfile)) {
    problems.push('HTTP is not redirected to HTTPS');
  }
  if (!proxy?.ports?.includes('443:443')) problems.push('the proxy does not publish 443');
  return problems;
}

function agreementProblems(d: Deploy): string[] {
  const problems: string[] = [];
  const count = (command: string) =>
    composeServicesRunning(d, command).reduce((sum, [, service]) => sum + (service.deploy?.replicas ?? 1), 0);
  const replicas = (name: string) => object(d, 'Deployment', name).spec?.replicas;
  const apiReplicas = replicas('orderly-api');
  if (apiReplicas !== count('node dist/server.js') || (apiReplicas ?? 0) < 2) {
    problems.push(`API replicas: ${apiReplicas} in Kubernetes, ${count('node dist/server.js')} in compose`);
  }
  if (replicas('orderly-worker') !== count('node dist/cli.js worker')) {
    problems.push(`worker replicas: ${replicas('orderly-worker')} in Kubernetes, not as in compose`);
  }
  const pairs: [string, Container, [string, ComposeService][]][] = [
    ['API', mainContainer(d, 'orderly-api'), composeServicesRunning(d, 'node dist/server.js')],
    ['worker', mainContainer(d, 'orderly-worker'), composeServicesRunning(d, 'node dist/cli.js worker')],
  ];
  const shared = ['PORT', 'METRICS_PORT', 'SHUTDOWN_DELAY_MS', 'SHUTDOWN_TIMEOUT_MS', 'NODE_ENV'];
  for (const [role, container, services] of pairs) {
    const env = containerEnv(d, container);
    for (const [name, service] of services) {
      const setting = [...shared, ...(role === 'API' ? ['DISPATCHER_IN_API', 'TRUST_PROXY'] : [])];
      for (const key of setting) {
        if (service.environment?.[key] !== env[key]) {
          problems.push(
            `${key}: ${env[key]} for the Kubernetes ${role}, ${service.environment?.[key]} in ${name}`,
          );
        }
      }
      const ports = role === 'API' ? [env.PORT, env.METRICS_PORT] : [env.METRICS_PORT];
      if (service.expose?.join(' ') !== ports.join(' ')) problems.push(`compose ${name} exposes other ports`);
    }
    const declared = (container.ports ?? []).map((p) => String(p.containerPort)).sort();
    if (
      !declared.includes(env.METRICS_PORT ?? '') ||
      (role === 'API' && !declared.includes(env.PORT ?? ''))
    ) {
      problems.push(`the Kubernetes ${role} does not declare its ports`);
    }
  }
  return problems;
}

/** A value that holds no secret: empty, the placeholder, or a compose `${VARIABLE}` filled in at deploy time. */
const holdsNoSecret = (value: string) =>
  value === '' || value === PLACEHOLDER || /^\$\{[A-Z_]+(:[?-][^}]*)?\}$/.test(value);
const SECRET_NAME = /PASSWORD|SECRET|API_KEY|TOKEN|AUTH$/;

function secretProblems(d: Deploy): string[] {
  const problems: string[] = [];
  const visit = (where: string, value: unknown, key = '') => {
    if (typeof value === 'string') {
      const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]+)@/i.exec(value)?.[1];
      if (password !== undefined && !holdsNoSecret(password)) problems.push(`${where}: a password in a URL`);
      if (SECRET_NAME.test(key) && !key.endsWith('_FILE') && !holdsNoSecret(value)) {
        problems.push(`${where}: ${key} has a value`);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) visit(where, item, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(where, v, k);
    }
  };
  for (const [file, docs] of d.yaml) visit(file, docs);
  for (const [file, entries] of d.envExamples) visit(file, Object.fromEntries(entries));
  for (const { file, object } of d.objects.filter(({ object }) => object.kind === 'Secret')) {
    if (d.kustomization.resources.includes(file)) problems.push(`${file}: a Secret applied by kustomization`);
    for (const [key, value] of Object.entries(object.stringData ?? {})) {
      if (!value.includes(PLACEHOLDER)) problems.push(`${file}: ${key} is not a placeholder`);
    }
    if (object.data) problems.push(`${file}: encoded data in a template`);
  }
  const required = new Set([...d.composeText.matchAll(/\$\{([A-Z_]+):\?/g)].map(([, name]) => name ?? ''));
  const listed = d.envExamples.get('env.example');
  for (const name of required) {
    if (!listed?.has(name)) problems.push(`compose needs ${name}, which env.example does not list`);
  }
  const ignored = new Set(d.gitignore);
  const envFiles = orderlyServices(d).flatMap(([, service]) => service.env_file ?? []);
  for (const file of new Set(['.env', ...envFiles, 'certs/'])) {
    if (!ignored.has(file)) problems.push(`deploy/.gitignore does not keep ${file} out of git`);
  }
  return problems;
}

function resourceProblems(d: Deploy): string[] {
  const problems: string[] = [];
  for (const { object } of workloads(d)) {
    for (const c of allContainers(pod(d, object.kind, object.metadata.name))) {
      const where = `${object.metadata.name}/${c.name}`;
      const { requests, limits } = c.resources ?? {};
      if (!requests?.cpu || !requests.memory) problems.push(`${where}: no CPU or memory request`);
      if (!(k8sBytes(limits?.memory) >= k8sBytes(requests?.memory)))
        problems.push(`${where}: no memory limit`);
    }
  }
  const api = mainContainer(d, 'orderly-api').resources;
  if (!(k8sBytes(api?.requests?.memory) >= MEASURED_API_PEAK_RSS)) {
    problems.push(`the API's memory request is under its measured peak RSS`);
  }
  for (const [name, service] of orderlyServices(d)) {
    if (!service.deploy?.resources?.limits?.memory) problems.push(`compose ${name}: no memory limit`);
  }
  return problems;
}

function securityProblems(d: Deploy): string[] {
  const problems: string[] = [];
  for (const { object } of workloads(d)) {
    const spec = pod(d, object.kind, object.metadata.name);
    if (spec.securityContext?.runAsNonRoot !== true)
      problems.push(`${object.metadata.name}: may run as root`);
    for (const c of allContainers(spec)) {
      const context = c.securityContext;
      if (context?.allowPrivilegeEscalation !== false || context.readOnlyRootFilesystem !== true) {
        problems.push(`${object.metadata.name}/${c.name}: privilege escalation or a writable root`);
      }
      if (c.image !== IMAGE) problems.push(`${object.metadata.name}/${c.name}: not the image ${IMAGE}`);
    }
  }
  const user = /^USER (\S+)$/m.exec(d.dockerfile)?.[1];
  if (!user || /^(0|root)(:|$)/.test(user)) problems.push('the image runs as root');
  for (const [name, service] of orderlyServices(d)) {
    if (service.read_only !== true) problems.push(`compose ${name}: writable root`);
  }
  return problems;
}

const deploy = readDeploy();

describe('deploy/ as deploy/README.md describes it', () => {
  test('when every YAML file in deploy/ is parsed, then each document parses, without warnings', () => {
    const problems = [...deploy.yaml.keys()].flatMap((file) =>
      yamlProblems(file, readFileSync(join(DEPLOY, file), 'utf8')),
    );
    expect(deploy.yaml.size).toBeGreaterThanOrEqual(8);
    expect(problems).toEqual([]);
  });

  test('when the probes are read, then liveness is GET /livez and readiness GET /readyz on PORT, and workers are probed on METRICS_PORT', () => {
    expect(probeProblems(deploy)).toEqual([]);
  });

  test('when the drain settings are read, then the preStop pause is SHUTDOWN_DELAY_MS and the grace periods cover delay and timeout', () => {
    expect(drainProblems(deploy)).toEqual([]);
  });

  test('when the kustomization is read, then the migration Job is applied first and every Deployment waits for the migrations', () => {
    expect(migrationProblems(deploy)).toEqual([]);
  });

  test('when the commands the containers run are read, then each is an Orderly command', () => {
    expect(commandProblems(deploy)).toEqual([]);
  });

  test('when the environment names are read, then each is a setting in config.ts (or one the OpenTelemetry SDK reads)', () => {
    expect(envNameProblems(deploy)).toEqual([]);
  });

  test('when the compose file is read, then health checks hit /readyz, pg_isready and redis-cli ping, and the APIs wait for the migration and healthy databases', () => {
    expect(composeProblems(deploy)).toEqual([]);
  });

  test('when the Caddyfile is read, then it serves TLS from the mounted certificate, redirects HTTP and balances over the API services by /readyz', () => {
    expect(proxyProblems(deploy)).toEqual([]);
  });

  test('when compose and Kubernetes are compared, then they agree on replicas, ports and the drain settings', () => {
    expect(agreementProblems(deploy)).toEqual([]);
  });

  test('when every value is read, then no secret is committed: only placeholders and compose variables', () => {
    expect(secretProblems(deploy)).toEqual([]);
  });

  test('when the containers are read, then each has CPU and memory requests and a memory limit, the API’s above its measured RSS', () => {
    expect(resourceProblems(deploy)).toEqual([]);
  });

  test('when the containers are read, then they run as a non-root user on a read-only root', () => {
    expect(securityProblems(deploy)).toEqual([]);
  });
});

/** A broken copy of deploy/, to show that each check can fail. */
function broken(change: (d: Deploy) => void): Deploy {
  const copy = structuredClone(deploy);
  change(copy);
  return copy;
}

const apiOf = (d: Deploy) => mainContainer(d, 'orderly-api');
const apiSpec = (d: Deploy) => object(d, 'Deployment', 'orderly-api').spec ?? {};
const configOf = (d: Deploy) => object(d, 'ConfigMap', 'orderly-config').data ?? {};
// api-1 and api-2 are one YAML alias: a change to one is a change to both.
const composeApi = (d: Deploy) => d.compose.services['api-1'] as ComposeService;
const composeApiEnv = (d: Deploy) => composeApi(d).environment ?? {};
const healthcheckOf = (d: Deploy) => composeApi(d).healthcheck ?? { test: [] };

type Mutation = [string, (d: Deploy) => string[], (d: Deploy) => void];

const mutations: Mutation[] = [
  [
    'liveness on /readyz',
    probeProblems,
    (d) => {
      apiOf(d).livenessProbe = { httpGet: { path: '/readyz', port: 'http' } };
    },
  ],
  [
    'readiness on the metrics port',
    probeProblems,
    (d) => {
      apiOf(d).readinessProbe = { httpGet: { path: '/readyz', port: 'metrics' } };
    },
  ],
  [
    'PORT changed in the ConfigMap only',
    probeProblems,
    (d) => {
      configOf(d).PORT = '8080';
    },
  ],
  [
    'a worker probed on another port',
    probeProblems,
    (d) => {
      mainContainer(d, 'orderly-worker').livenessProbe = { tcpSocket: { port: 8000 } };
    },
  ],
  [
    'a preStop pause shorter than SHUTDOWN_DELAY_MS',
    drainProblems,
    (d) => {
      apiOf(d).lifecycle = { preStop: { sleep: { seconds: 3 } } };
    },
  ],
  [
    'a grace period shorter than the drain',
    drainProblems,
    (d) => {
      pod(d, 'Deployment', 'orderly-api').terminationGracePeriodSeconds = 15;
    },
  ],
  [
    'a compose stop_grace_period shorter than the drain',
    drainProblems,
    (d) => {
      composeApi(d).stop_grace_period = '10s';
    },
  ],
  [
    'a rollout that may take a pod away first',
    drainProblems,
    (d) => {
      apiSpec(d).strategy = { type: 'Recreate' };
    },
  ],
  [
    'the Job listed after a Deployment',
    migrationProblems,
    (d) => {
      const { resources } = d.kustomization;
      resources.push(...resources.splice(resources.indexOf('migrate-job.yaml'), 1));
    },
  ],
  [
    'the legacy kustomize order',
    migrationProblems,
    (d) => {
      d.kustomization.sortOptions = undefined;
    },
  ],
  [
    'a Deployment without the migration init container',
    migrationProblems,
    (d) => {
      pod(d, 'Deployment', 'orderly-worker').initContainers = [];
    },
  ],
  [
    'a command the CLI does not have',
    commandProblems,
    (d) => {
      composeApi(d).command = ['node', 'dist/cli.js', 'serve'];
    },
  ],
  [
    'an env name config.ts does not declare',
    envNameProblems,
    (d) => {
      apiOf(d).env?.push({ name: 'DATABASE_TIMEOUT', value: '5' });
    },
  ],
  [
    'a ConfigMap key with a typo',
    envNameProblems,
    (d) => {
      configOf(d).SHUTDOWN_DELAY = '5000';
    },
  ],
  [
    'a compose health check on the health route',
    composeProblems,
    (d) => {
      healthcheckOf(d).test = ['CMD', 'node', '-e', "fetch('http://127.0.0.1:8000/api/v1/health/')"];
    },
  ],
  [
    'an unquoted `? :` in a health check, read as a mapping',
    composeProblems,
    (d) => {
      healthcheckOf(d).test[3] = { "fetch('http://127.0.0.1:8000/readyz') ? 0": '1' };
    },
  ],
  [
    'an API that does not wait for the migration',
    composeProblems,
    (d) => {
      composeApi(d).depends_on = { postgres: { condition: 'service_healthy' } };
    },
  ],
  [
    'an API that waits only for PostgreSQL to start',
    composeProblems,
    (d) => {
      composeApi(d).depends_on = { ...composeApi(d).depends_on, postgres: { condition: 'service_started' } };
    },
  ],
  [
    'Caddy checking /livez',
    proxyProblems,
    (d) => {
      d.caddyfile = d.caddyfile.replace('health_uri /readyz', 'health_uri /livez');
    },
  ],
  [
    'Caddy proxying to one API only',
    proxyProblems,
    (d) => {
      d.caddyfile = d.caddyfile.replace(' api-2:8000', '');
    },
  ],
  [
    'three API replicas in Kubernetes',
    agreementProblems,
    (d) => {
      apiSpec(d).replicas = 3;
    },
  ],
  [
    'a different SHUTDOWN_DELAY_MS in compose',
    agreementProblems,
    (d) => {
      composeApiEnv(d).SHUTDOWN_DELAY_MS = '2000';
    },
  ],
  [
    'a real value in the Secret template',
    secretProblems,
    (d) => {
      const secret = object(d, 'Secret', 'orderly-secrets');
      secret.stringData = { ...secret.stringData, AT_API_KEY: 'atsk_0123456789abcdef' };
    },
  ],
  [
    'a password in a compose URL',
    secretProblems,
    (d) => {
      composeApiEnv(d).DATABASE_URL = 'postgres://orderly:hunter2@postgres:5432/orderly';
    },
  ],
  [
    'a literal POSTGRES_PASSWORD',
    secretProblems,
    (d) => {
      const postgres = d.compose.services.postgres ?? {};
      postgres.environment = { ...postgres.environment, POSTGRES_PASSWORD: 'hunter2' };
    },
  ],
  [
    'a key in an env example',
    secretProblems,
    (d) => {
      d.envExamples.get('orderly.env.example')?.set('AT_API_KEY', 'atsk_live');
    },
  ],
  [
    'orderly.env not ignored by git',
    secretProblems,
    (d) => {
      d.gitignore = d.gitignore.filter((line) => line !== 'orderly.env');
    },
  ],
  [
    'a worker without requests',
    resourceProblems,
    (d) => {
      mainContainer(d, 'orderly-worker').resources = undefined;
    },
  ],
  [
    'an API request under the measured RSS',
    resourceProblems,
    (d) => {
      apiOf(d).resources = { requests: { cpu: '250m', memory: '128Mi' }, limits: { memory: '512Mi' } };
    },
  ],
  [
    'a writable root file system',
    securityProblems,
    (d) => {
      apiOf(d).securityContext = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: false };
    },
  ],
  [
    'an image running as root',
    securityProblems,
    (d) => {
      d.dockerfile = d.dockerfile.replace(/^USER .+$/m, 'USER root');
    },
  ],
];

describe('the checks of deploy/ fail on a broken copy', () => {
  test.each(mutations)('when deploy/ has %s, then its check reports it', (_, check, change) => {
    expect(check(broken(change))).not.toEqual([]);
  });

  test('when a YAML text is malformed, then the parse check reports it', () => {
    expect(yamlProblems('broken.yaml', 'services: [api')).not.toEqual([]);
  });
});
