"""Check the locked dependencies for known vulnerabilities with pip-audit.

Usage: `.venv/bin/python scripts/audit_dependencies.py requirements/dev.txt` (run by
`make test`). Fails on any known vulnerability. Where the vulnerability service cannot
answer (a registry mirror without PyPI's JSON API, no network), it says so loudly and
does not fail: the lock files are still what CI tested, and the check runs wherever
the service is reachable.
"""

import json
import subprocess
import sys
from pathlib import Path


def main(requirements):
    pip_audit = Path(sys.executable).with_name("pip-audit")
    result = subprocess.run(  # noqa: S603 - the venv's pip-audit, fixed arguments
        [
            str(pip_audit),
            "--disable-pip",
            "--require-hashes",
            "--requirement",
            requirements,
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit could not run:\n{result.stderr}", file=sys.stderr)
        return 1
    dependencies = report["dependencies"]
    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    for dep in vulnerable:
        ids = ", ".join(vuln["id"] for vuln in dep["vulns"])
        print(f"VULNERABLE: {dep['name']} {dep['version']}: {ids}", file=sys.stderr)
    if vulnerable:
        return 1
    if not audited:
        print(
            f"pip-audit: NOT CHECKED - the vulnerability service did not answer for any of "
            f"the {len(dependencies)} locked packages (no access to PyPI's JSON API here).",
            file=sys.stderr,
        )
        return 0
    skipped = len(dependencies) - len(audited)
    print(f"pip-audit: no known vulnerabilities in {len(audited)} packages ({skipped} skipped).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
