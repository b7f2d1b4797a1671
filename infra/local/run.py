"""``make run``: the whole system on its embedded defaults, with demo data, until Ctrl-C.

tansu (Kafka protocol, in memory), Redis, a local SMTP sink, the identity provider, the five
services and the portal, each its own process. SQLite files and mail live in ``var/``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

from infra.demo.data import ACCOUNTS
from infra.local.processes import port_open
from infra.local.stack import LocalStack, StackConfig
from services.runtime.settings import ROOT, VAR_DIR

BAR_WIDTH = 30


def progress(name: str, done: int, total: int) -> None:
    filled = int(BAR_WIDTH * done / total)
    label = "alles draait" if name == "ready" else f"starten: {name}"
    sys.stdout.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} {label:<30}")
    sys.stdout.flush()
    if name == "ready":
        sys.stdout.write("\n")


def ensure_redis() -> None:
    if shutil.which("redis-server") or os.path.exists("/usr/bin/redis-server"):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("redis-server ontbreekt: installeren met apt-get ...")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "redis-server"], check=True, env=env)
        subprocess.run(["systemctl", "disable", "--now", "redis-server"], check=False, capture_output=True)
        return
    sys.exit("redis-server is not installed. Install it with: sudo apt-get install -y redis-server")


def ports_in_use(config: StackConfig) -> list[int]:
    wanted = [config.kafka_port, config.redis_port, config.smtp_port, *config.ports.values()]
    return [port for port in wanted if port_open(port)]


def main() -> None:
    ensure_redis()
    config = StackConfig(var_dir=VAR_DIR)
    busy = ports_in_use(config)
    if busy:
        sys.exit(f"Deze poorten zijn al in gebruik: {busy}. Draait Opvangloket al (make run)? Stop dat eerst.\n"
                 f"These ports are in use: {busy}. Is Opvangloket already running? Stop it first.")
    stack = LocalStack(config)
    print(f"Opvangloket start in {ROOT} (gegevens in {VAR_DIR})")
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            print("\nStoppen ...")
            stack.stop()
            sys.exit(0)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        stack.start(progress)
    except Exception as exc:
        print(f"\nStarten mislukt: {exc}")
        stack.stop()
        sys.exit(1)
    print(f"""
Portaal           {stack.url('portal')}
Testmailbox       {stack.url('portal')}/dev/mailbox
Identiteit (OIDC) {stack.url('identity')}/.well-known/openid-configuration
intake            {stack.url('intake')}/openapi.json   {stack.url('intake')}/asyncapi.json
offer             {stack.url('offer')}/openapi.json
matching          {stack.url('matching')}/openapi.json
notifications     {stack.url('notifications')}/openapi.json
reporting         {stack.url('reporting')}/openapi.json
Kafka (tansu)     {stack.bootstrap_servers}     Redis {stack.redis_url}     SMTP 127.0.0.1:{stack.config.smtp_port}
Logboeken         {stack.logs}

Demo-accounts (wachtwoord: demo): {', '.join(a.username for a in ACCOUNTS)}
Stoppen: Ctrl-C
""")
    while True:
        for process in stack.all_processes():
            if not process.running:
                print(f"{process.name} stopte onverwacht; zie {process.log_path}. Herstarten ...")
                process.start(wait=False)
        time.sleep(2)


if __name__ == "__main__":
    main()
