# syntax=docker/dockerfile:1
# The functions (all five) as one container image on Lambda's Java 25 base image, with a JDK 25 AOT cache
# (JEP 483/514/515) trained inside this image, so the cache belongs to the very JVM build that loads it.
# Input, from `mvn -q -Paot package`: target/aot/task (the deployment zip as jars only) and target/aot/dynamodb-local
# (DynamoDB Local for the training run; mounted only while it runs, never part of the image).
# Deployed by template-aot.yaml (generated from template.yaml: every function runs this image, its CMD the function's
# handler): `mvn -q -Paot package && sam build --config-env aot && sam deploy --config-env aot` (docs/DEPLOY.md).
# Building it needs BuildKit (`RUN --mount`), e.g. `DOCKER_BUILDKIT=1 docker build .`; .dockerignore sends only its inputs.
FROM public.ecr.aws/lambda/java:25

COPY target/aot/task/lib/ /var/task/lib/
COPY src/main/docker/newsroom-bootstrap.sh /opt/newsroom-bootstrap

# The cache's class path: the runtime's own jars (its runtime interface client), then our classes, then our jars.
# Training: DynamoDB Local in the background, then every function's real requests through its handler on this JVM
# (Training waits for the database); the JVM writes /var/task/newsroom.aot as training exits.
RUN --mount=type=bind,source=target/aot/dynamodb-local,target=/opt/dynamodb-local \
    set -eu; \
    chmod 755 /opt/newsroom-bootstrap; \
    { ls /var/runtime/lib/*.jar; echo /var/task/lib/newsroom-classes.jar; \
      ls /var/task/lib/*.jar | grep -v '/newsroom-classes.jar$'; } | paste -sd: - > /var/task/aot.classpath; \
    /var/lang/bin/java -Dsqlite4java.library.path=/opt/dynamodb-local -cp '/opt/dynamodb-local/*' \
      software.amazon.dynamodb.services.local.main.ServerRunner -inMemory -disableTelemetry -port 8000 \
      > /tmp/dynamodb-local.log 2>&1 & \
    database=$!; \
    TABLE_NAME=aot-training AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000 AWS_REGION=us-east-1 \
      AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local CURSOR_SECRET=aot-training-0123456789abcdef0123456789 \
      AWS_LAMBDA_FUNCTION_NAME=aot-training /opt/newsroom-bootstrap --train; \
    kill "$database"; \
    rm -f /tmp/dynamodb-local.log; \
    test -s /var/task/newsroom.aot

ENV JAVA_TOOL_OPTIONS="-XX:AOTCache=/var/task/newsroom.aot -XX:+TieredCompilation -XX:TieredStopAtLevel=1"
ENTRYPOINT ["/opt/newsroom-bootstrap"]
CMD ["dev.newsroom.adapter.in.api.CommentsFunction::handleRequest"]
