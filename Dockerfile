# Barrage image for docker-compose.yml. The embedded dev server is not used in containers:
# the config's temporal.address points at the Temporal service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["start", "--config", "/config/barrage.yaml"]
