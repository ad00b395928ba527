#!/bin/bash
# usage: t.sh [TestPattern]
cd /work/main
if [ -n "$1" ]; then T="-Dtest=$1 -Dsurefire.failIfNoSpecifiedTests=false"; fi
timeout 900 mvn -B -o -pl actuator test $T > /tmp/act-test.log 2>&1
echo "exit $?"
grep -E 'Tests run:|COMPILATION|ERROR\] /|BUILD' /tmp/act-test.log | grep -v '^\[INFO\] Tests run: .*, Failures: 0, Errors: 0' | head -40
grep -B2 -A12 '<<< FAIL' /tmp/act-test.log | grep -v '^\s*at ' | head -80
