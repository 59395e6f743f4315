# One image for every service; the service is chosen by SERVICE_ENTRY (e.g. apps/intake/src/main.ts).
# Services run from TypeScript through SWC (tools/run.js), the same way as on development machines.
# Node.js 24 LTS; non-root; nothing in it is a secret (keys are mounted, see docs/security.md).
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error && npm cache clean --force
COPY tsconfig.base.json tsconfig.json ./
COPY tools/run.js tools/dev-keys.js tools/
COPY libs libs
COPY apps apps
ENV NODE_ENV=production HOST=0.0.0.0 HOME=/tmp
USER node
CMD ["sh", "-c", "exec node tools/run.js \"$SERVICE_ENTRY\""]
