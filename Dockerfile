# Debian slim, not Alpine: the Temporal SDK's native module is built for glibc.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The Temporal binaries are not needed in the image: Compose runs the real Temporal server.
ENV MULTAQA_SKIP_TEMPORAL_INSTALL=1
COPY . .
RUN npm ci && npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/bin ./bin
COPY --from=build /app/examples ./examples
COPY --from=build /app/config ./config
COPY --from=build /app/client/dashboard ./client/dashboard
USER node
CMD ["node", "dist/workers/main.js"]
