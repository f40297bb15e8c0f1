# The partnergraph API (and CLI) as an image: `docker compose up` runs it next to Neo4j.
#   docker build -t partnergraph .
#   docker run -p 8000:8000 -v "$PWD/data:/data" partnergraph      # embedded store in /data
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Only what the wheel needs (the package, its reference data and named queries).
COPY pyproject.toml README.md ./
COPY partnergraph ./partnergraph
COPY seeds ./seeds
COPY cypher ./cypher
RUN pip install . && rm -rf /app/*

RUN useradd --create-home --uid 10001 partnergraph && mkdir /data && chown partnergraph /data
USER partnergraph
WORKDIR /data

# Embedded store by default; docker-compose.yml points it at Neo4j instead.
ENV PARTNERGRAPH_STORE=/data/graph.lbug
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

CMD ["partnergraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
