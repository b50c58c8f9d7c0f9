// Test output stays readable: request logs are off unless asked for (LOG_LEVEL=info npm test).
process.env.LOG_LEVEL ??= 'silent';
