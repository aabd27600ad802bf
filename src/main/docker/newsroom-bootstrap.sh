#!/bin/sh
# The image's entry point: Lambda's Java runtime launch (its runtime interface client, the flags Lambda's java
# runtime sets), with the function's jars on the application class path in the order of the training run, as a
# JDK AOT cache only holds classes of the JVM's built-in class loaders on the class path it was trained with.
#   newsroom-bootstrap <handler>    run the function (under the runtime interface emulator outside Lambda)
#   newsroom-bootstrap --train      the image build's training run: writes /var/task/newsroom.aot
set -eu
classpath="$(cat /var/task/aot.classpath)"
flags="-XX:MaxHeapSize=$(( ${AWS_LAMBDA_FUNCTION_MEMORY_SIZE:-1024} * 85 / 100 ))m -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true --add-opens=java.base/java.io=ALL-UNNAMED"
if [ "${1:-}" = "--train" ]; then
  # shellcheck disable=SC2086
  exec /var/lang/bin/java -XX:AOTCacheOutput=/var/task/newsroom.aot -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
    $flags -cp "$classpath" dev.newsroom.adapter.in.api.Training
fi
handler="${1:?the handler, e.g. dev.newsroom.adapter.in.api.CommentsFunction::handleRequest}"
if [ -z "${AWS_LAMBDA_RUNTIME_API:-}" ]; then
  exec /usr/local/bin/aws-lambda-rie "$0" "$handler"
fi
# The function's environment replaces the image's JAVA_TOOL_OPTIONS when it sets its own: keep the cache in it.
case "${JAVA_TOOL_OPTIONS:-}" in
  *-XX:AOTCache=*) ;;
  *) export JAVA_TOOL_OPTIONS="-XX:AOTCache=/var/task/newsroom.aot ${JAVA_TOOL_OPTIONS:-}" ;;
esac
# shellcheck disable=SC2086
exec /var/lang/bin/java $flags -cp "$classpath" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$handler"
