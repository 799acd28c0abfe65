#!/usr/bin/env bash
# Coverage-guided fuzzing of the Edgeworks readers with Jazzer (issue 8).
#   ./fuzz.sh SECONDS [TARGET...]     TARGET: Nexus Columns Pipeline (default: all three)
# Each target fuzzes for SECONDS (libFuzzer -max_total_time) in its own JVM with a memory budget
# (-Xmx1g, -rss_limit_mb=2048) and a per-input time limit (-timeout=10 s): a hostile input that
# allocates more or hangs is a finding. The corpus grows in .cifuzz-corpus/<Test>/<method>/; a
# finding is written to src/test/resources/org/edgeworks/fuzz/<Test>Inputs/<method>/crash-*,
# where `mvn test` (regression mode) replays it from then on: commit it with the fix.
#   CI (bounded, ~2 minutes):  releng/org.edgeworks.fuzz/fuzz.sh 35
#   long run (documented):     releng/org.edgeworks.fuzz/fuzz.sh 3600 Nexus
set -euo pipefail
# No Debian package is needed (seeds and findings are committed files; only a JDK >= 21 and Maven Central).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
SECONDS_PER_TARGET=${1:?usage: fuzz.sh SECONDS [Nexus|Columns|Pipeline...]}
shift
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(Nexus Columns Pipeline)
if [ -z "${JAVA_HOME:-}" ]; then
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do [ -x "$d/bin/javac" ] && export JAVA_HOME="${d%/}" && break; done
fi
MVN="mvn"; [ -x "$HERE/../../mvnw" ] && MVN="$HERE/../../mvnw"
"$MVN" -B -q -f "$HERE/pom.xml" test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP="$HERE/target/test-classes:$HERE/target/classes:$(cat target/cp.txt)"
status=0
for t in "${TARGETS[@]}"; do
  corpus="$HERE/.cifuzz-corpus/org.edgeworks.fuzz.${t}FuzzTest/fuzz${t}"
  seeds="$HERE/src/test/resources/org/edgeworks/fuzz/${t}FuzzTestInputs/fuzz${t}"
  mkdir -p "$corpus" "$seeds"
  echo "== fuzzing $t for ${SECONDS_PER_TARGET}s" >&2
  "$JAVA_HOME/bin/java" -Xmx1g -XX:+EnableDynamicAgentLoading -Dedgeworks.bundles="$HERE/../../bundles" \
    -cp "$CP" com.code_intelligence.jazzer.Jazzer \
    --target_class="org.edgeworks.fuzz.${t}FuzzTest" \
    --instrumentation_includes='org.edgeworks.**:io.jhdf.**' \
    --reproducer_path="$HERE/target/reproducers" \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$seeds/" -print_final_stats=1 \
    "$corpus" "$seeds" 2>&1 | tee "$HERE/target/fuzz-$t.log" | grep -E "^(#[0-9]+ +(DONE|INITED)|==[0-9]+== ERROR|== Java Exception|stat::|Done )" || true
  if grep -q -E "== Java Exception|ERROR: libFuzzer|==[0-9]+== ERROR" "$HERE/target/fuzz-$t.log"; then
    echo "fuzz.sh: $t: finding (see target/fuzz-$t.log and $seeds/crash-*)" >&2
    status=1
  fi
done
exit $status
