import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getImportOrigin, getRequireSource } from "./get-import-origin.js";

/**
 * A client constructor or factory whose options object holds operational settings (timeouts, pool
 * sizes, hosts, ports), identified by the module it is imported from and the exported path called.
 */
export interface ConfigClient {
  /** The module, e.g. `"pg"`. */
  source: string;
  /**
   * Exported paths that create a client or take its options: `"Pool"` matches `new Pool()` with
   * `Pool` imported from the module and `new pg.Pool()` on the module object; `"default"` matches
   * calling the module's default export itself (`axios(config)`, `knex(config)`, `new Redis()`);
   * `"HttpModule.register"` matches a member of a named export.
   */
  names: string[];
  /** The prefix of the environment variables a fix derives, e.g. `"DB"` → `DB_POOL_MAX`. */
  envPrefix: string;
  /** The unit of the client's bare `timeout`-style options; `"ms"` unless the client says otherwise. */
  timeoutUnit?: "ms" | "s";
}

const DB_FACTORIES = ["createPool", "createConnection", "createPoolCluster"];
const HTTP_METHODS = ["get", "post", "put", "patch", "delete", "head", "options", "request"];

/** The clients recognised by default; the `clients` option adds to them. */
export const DEFAULT_CONFIG_CLIENTS: readonly ConfigClient[] = [
  { source: "pg", names: ["Pool", "Client"], envPrefix: "DB" },
  { source: "pg-pool", names: ["default"], envPrefix: "DB" },
  { source: "mysql", names: DB_FACTORIES, envPrefix: "DB" },
  { source: "mysql2", names: DB_FACTORIES, envPrefix: "DB" },
  { source: "mysql2/promise", names: DB_FACTORIES, envPrefix: "DB" },
  { source: "mariadb", names: DB_FACTORIES, envPrefix: "DB" },
  { source: "knex", names: ["default", "knex"], envPrefix: "DB" },
  { source: "sequelize", names: ["Sequelize"], envPrefix: "DB" },
  { source: "@sequelize/core", names: ["Sequelize"], envPrefix: "DB" },
  { source: "typeorm", names: ["DataSource", "createConnection"], envPrefix: "DB" },
  { source: "@prisma/client", names: ["PrismaClient"], envPrefix: "DB" },
  { source: "postgres", names: ["default"], envPrefix: "DB", timeoutUnit: "s" },
  { source: "mongoose", names: ["connect", "createConnection"], envPrefix: "DB" },
  { source: "mongodb", names: ["MongoClient"], envPrefix: "DB" },
  { source: "@nestjs/typeorm", names: ["TypeOrmModule.forRoot"], envPrefix: "DB" },
  { source: "@nestjs/mongoose", names: ["MongooseModule.forRoot"], envPrefix: "DB" },
  { source: "ioredis", names: ["default", "Redis", "Cluster"], envPrefix: "REDIS" },
  { source: "redis", names: ["createClient", "createCluster"], envPrefix: "REDIS" },
  { source: "axios", names: ["default", "create", ...HTTP_METHODS], envPrefix: "REQUEST" },
  { source: "axios-retry", names: ["default"], envPrefix: "REQUEST" },
  { source: "ky", names: ["default", "create", "extend", ...HTTP_METHODS], envPrefix: "REQUEST" },
  { source: "undici", names: ["Agent", "Pool", "Client", "request", "fetch"], envPrefix: "REQUEST" },
  { source: "@nestjs/axios", names: ["HttpModule.register"], envPrefix: "REQUEST" },
  ...["http", "https", "node:http", "node:https"].flatMap((source): ConfigClient[] => [
    { source, names: ["request", "get", "Agent"], envPrefix: "REQUEST" },
    { source, names: ["createServer"], envPrefix: "SERVER" },
  ]),
  { source: "fastify", names: ["default", "fastify"], envPrefix: "SERVER" },
  { source: "generic-pool", names: ["createPool"], envPrefix: "POOL" },
];

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const sourcesCache = new WeakMap<readonly ConfigClient[], ReadonlySet<string>>();

function getSources(clients: readonly ConfigClient[]): ReadonlySet<string> {
  let sources = sourcesCache.get(clients);
  if (!sources) {
    sources = new Set(clients.map((client) => client.source));
    sourcesCache.set(clients, sources);
  }
  return sources;
}

/**
 * The local names `program` binds, at its top level, to any of the clients' modules: imports and
 * `require`s of a client module sit there, so only the top-level statements are read. Empty: no call in
 * the file can be a client's, and a rule can skip them all. No text scan first: a pattern of quoted
 * module names tries at every quote of the file and cost about three times this loop over the bench corpus.
 */
export function getClientImports(program: TSESTree.Program, clients: readonly ConfigClient[]): ReadonlySet<string> {
  const sources = getSources(clients);
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (sources.has(statement.source.value))
        for (const specifier of statement.specifiers) names.add(specifier.local.name);
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = statement.moduleReference;
      if (
        reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        sources.has(String(reference.expression.value))
      )
        names.add(statement.id.name);
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.init === null || !sources.has(getRequireSource(declarator.init) ?? "")) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) names.add(declarator.id.name);
        else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier)
              names.add(property.value.name);
          }
        }
      }
    }
  }
  return names;
}

/** `a.b.c` → root `a` and members `["b", "c"]`; `undefined` for computed or non-identifier roots. */
function getCalleePath(callee: TSESTree.Node): { root: TSESTree.Identifier; members: string[] } | undefined {
  const members: string[] = [];
  let current = callee;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.computed || current.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    members.unshift(current.property.name);
    current = current.object;
  }
  return current.type === AST_NODE_TYPES.Identifier ? { root: current, members } : undefined;
}

/**
 * The known client a call or `new` creates or configures (`new Pool({...})`, `mysql.createPool({...})`,
 * `axios.create({...})`, `new Redis(url, {...})`), by what its callee is imported from; `undefined` for
 * anything else. One scope lookup, only for callees rooted in a name the file imports from a client module.
 */
export function getConfigClient(
  context: Context,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  clients: readonly ConfigClient[],
  /** {@link getClientImports} of the file. */
  imported: ReadonlySet<string>,
): ConfigClient | undefined {
  const path = getCalleePath(call.callee);
  if (!path || path.members.length > 2 || !imported.has(path.root.name)) return undefined;
  const origin = getImportOrigin(ASTUtils.findVariable(context.sourceCode.getScope(path.root), path.root));
  if (!origin) return undefined;
  const exported = origin.imported === "*" ? path.members : [origin.imported, ...path.members];
  const name = exported.length === 0 ? "default" : exported.join(".");
  return clients.find((client) => client.source === origin.source && client.names.includes(name));
}
