# syntax=docker/dockerfile:1
# The foresight command as an image: every pipeline component (simulate, streams, actuator, dashboard, ...) runs
# from it, one process per container (see docker-compose.yml). Build: docker build -t foresight:local .

# --- build: the fat jar, cli/target/foresight.jar, with the same Maven build as ./foresight -------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds; tests run in CI (.ci/run), not here.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl cli -am package \
 && cp cli/target/foresight.jar /foresight.jar

# --- runtime: a JRE and the jar, as an unprivileged user ----------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 foresight \
 && useradd --system --uid 10001 --gid foresight --home-dir /app --shell /usr/sbin/nologin foresight \
 && mkdir -p /app /var/lib/foresight \
 && chown foresight:foresight /var/lib/foresight
COPY --from=build /foresight.jar /app/foresight.jar
USER foresight
WORKDIR /var/lib/foresight
# 8080: dashboard (foresight dashboard, foresight demo); 9404: Prometheus metrics (--metrics-port 9404)
EXPOSE 8080 9404
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseG1GC", "-jar", "/app/foresight.jar"]
CMD ["--help"]
