# Barrage image for docker-compose.yml. The embedded dev server is not used in containers:
# the config's temporal.address points at the Temporal service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# The Kafka client downloads a prebuilt librdkafka binding; these let it compile one when it cannot.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ zlib1g-dev libssl-dev \
      libzstd-dev libcurl4-openssl-dev libsasl2-dev liblz4-dev && rm -rf /var/lib/apt/lists/*
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["start", "--config", "/config/barrage.yaml"]
