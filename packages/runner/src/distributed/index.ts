export { QueueExecutor, type QueueExecutorOptions } from './queue-executor.js';
export { startAgent, type Agent, type AgentEvent, type AgentOptions } from './agent.js';
export { parseQueueTarget, redactUrl, checkQueueName, DEFAULT_QUEUE_NAME, PASSWORD_ENV, type QueueTarget } from './queue-target.js';
export { QueueError, type QueueErrorKind } from './queue-error.js';
export { listAgents } from './list-agents.js';
export { readAgents, isAgentLive, AGENT_STALE_MS, type AgentInfo, type AgentRunningTrial } from './agent-registry.js';
export { openRedis, checkReachable } from './redis-client.js';
export { jobIdFor } from './job-data.js';
// For tests and benchmarks of this and other packages (a real redis-server, never a stub).
export { startRedisServer, findRedisServer, REDIS_MISSING, type RedisServer, type RedisServerOptions } from './testing/redis-server.js';
