# Release binaries in a slim Debian image; docker-compose.yml runs the services from it.
FROM swift:6.0-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libfcgi-dev libcurl4-openssl-dev libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies in their own layer (Package.resolved is copied when present).
COPY Package.* ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
# Static Swift runtime: the runtime image has no Swift toolchain.
RUN swift build -c release --static-swift-stdlib \
    && bin="$(swift build -c release --show-bin-path)" \
    && mkdir /out \
    && cp "$bin/dataforge" "$bin/dataforge-fcgi" "$bin/dataforge-consumer" /out/

# The tokenizer's rank files, fetched and checked as on a local machine.
FROM python:3.11-slim-bookworm AS tokenizers
COPY scripts/fetch-tokenizers.sh /src/scripts/
RUN DATAFORGE_TOKENIZER_DIR=/out/tokenizers /src/scripts/fetch-tokenizers.sh

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libfcgi0ldbl libcurl4 libpq5 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --no-create-home --shell /usr/sbin/nologin dataforge \
    && install -d -o dataforge -g dataforge -m 0755 /run/dataforge
COPY --from=build /out/ /usr/local/bin/
COPY sql /app/sql
COPY --from=tokenizers /out/tokenizers /app/tokenizers
WORKDIR /app
ENV DATAFORGE_SQL_DIR=/app/sql DATAFORGE_TOKENIZER_DIR=/app/tokenizers
USER dataforge
CMD ["dataforge-fcgi"]
