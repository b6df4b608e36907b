# opsboard: build the client and the server bundle, then ship only what runs.
FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV CI=true
# Manifests first, so the dependency layer is cached across source changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY tests/package.json tests/
COPY bench/package.json bench/
RUN npx -y pnpm@12.4.2 install --frozen-lockfile
COPY . .
RUN npx -y pnpm@12.4.2 run build \
 && npx -y pnpm@12.4.2 --filter @opsboard/server deploy --prod /out/server

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    OPSBOARD_DATA_DIR=/data
WORKDIR /app
# The server finds migrations/ and client/dist/ beside it by walking up from server/dist.
COPY --from=build /out/server ./server
COPY --from=build /src/migrations ./migrations
COPY --from=build /src/client/dist ./client/dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/dist/main.js"]
