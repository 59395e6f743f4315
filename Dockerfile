# One image for every service; the service is chosen by SERVICE_ENTRY (e.g. apps/intake/src/main.ts).
# Services run from TypeScript through SWC (tools/run.js), the same way as on development machines.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# npm install honours the lock; npm ci refuses a lock without other platforms' optional binaries.
RUN npm install --no-audit --no-fund --loglevel=error
COPY tsconfig.base.json tsconfig.json ./
COPY tools/run.js tools/run.js
COPY libs libs
COPY apps apps
ENV NODE_ENV=production HOST=0.0.0.0
USER node
CMD ["sh", "-c", "exec node tools/run.js \"$SERVICE_ENTRY\""]
