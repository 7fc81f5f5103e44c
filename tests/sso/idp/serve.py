"""Entry point of the test OpenID provider process.

    python -m tests.sso.idp.serve --data-dir DIR [--port 0] [--prefix PREFIX]

Binds 127.0.0.1 (port 0: a free port chosen by the OS, so parallel test
workers never race for one), migrates a fresh SQLite database in DIR and
serves threaded until terminated. Once it answers it prints one line::

    IDP_READY http://127.0.0.1:<port>/<prefix>

It exits on its own (removing DIR) when the process that started it goes away.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import threading
import time


def _exit_with_parent(parent_pid: int, data_dir: str) -> None:
    # The test process died without stopping us: clean up after both.
    while True:
        if os.getppid() != parent_pid:
            shutil.rmtree(data_dir, ignore_errors=True)
            os._exit(0)
        time.sleep(0.5)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--prefix", default="")
    args = parser.parse_args(argv)

    threading.Thread(target=_exit_with_parent, args=(os.getppid(), args.data_dir), daemon=True).start()

    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    server = ThreadedWSGIServer(("127.0.0.1", args.port), WSGIRequestHandler)
    server.daemon_threads = True
    port = server.server_address[1]
    prefix = args.prefix.strip("/")
    issuer = f"http://127.0.0.1:{port}/{prefix}".rstrip("/")

    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.sso.idp.settings"
    os.environ["IDP_DATA_DIR"] = args.data_dir
    os.environ["IDP_PREFIX"] = prefix
    os.environ["IDP_ISSUER"] = issuer

    import django
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    server.set_app(get_wsgi_application())
    print(f"IDP_READY {issuer}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()


if __name__ == "__main__":
    main(sys.argv[1:])
