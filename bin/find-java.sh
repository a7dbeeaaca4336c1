# Sourced by the bin/ scripts: sets JAVA_HOME to a JDK 25 or newer, or exits with a clear message.
# Order: $JAVA_HOME if it is 25+, else the newest 25+ JDK under /usr/lib/jvm.

nemeton_java_major() {
  # prints the feature version of the JDK at $1 (e.g. 25), or nothing
  local release="$1/release"
  if [ -r "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

nemeton_find_java() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(nemeton_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      return 0
    fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/javac" ] || continue
    major=$(nemeton_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "nemeton: no JDK 25 or newer found." >&2
  echo "  Looked at JAVA_HOME (${JAVA_HOME:-unset}) and /usr/lib/jvm/*." >&2
  echo "  Install one (for example Temurin 25: apt-get install temurin-25-jdk) or set JAVA_HOME to it." >&2
  exit 1
}

nemeton_find_java
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "nemeton: Maven 3.8 or newer is needed on PATH (apt-get install maven)." >&2
  exit 1
fi
