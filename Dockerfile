# Builds the API and the worker into one image on Node.js 24 LTS (README, "Sizing": the line the token checks were measured fastest on); docker-compose.yml runs it twice.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json tsconfig.console.json ./
COPY apps apps
COPY libs libs
COPY migrations migrations
COPY scripts scripts
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/apps/console/public apps/console/public
USER node
EXPOSE 3000
CMD ["node", "--import", "./dist/apps/api/src/instrument.js", "dist/apps/api/src/main.js"]
