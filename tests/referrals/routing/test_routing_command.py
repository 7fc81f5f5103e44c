"""``manage.py route_case`` and ``manage.py create_api_token``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from bench.routing import generate_cases
from portal.roles import Role
from referrals.models import ApiToken
from referrals.routing import default_rule_set, parse_facts, route
from referrals.routing.defaults import VERSION
from referrals.services import hash_token
from tests.referrals.examples import load_contract_examples

ROOT = Path(__file__).resolve().parents[3]
RESULT_KEYS = ["rules_version", "flags", "recommendations", "questions", "cautions"]


def run(stdin: str, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("route_case", *args, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fails(stdin: str, *args: str) -> str:
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("route_case", *args, stdin=io.StringIO(stdin), stdout=out)
    assert caught.value.returncode == 2
    assert out.getvalue() == "", "nothing on stdout when the input is refused"
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.django_db
def test_one_object_in_one_result_out():
    out, err = run('{"country": "NL", "forms": ["stalking"], "acute_danger": true}')
    result = json.loads(out)
    assert list(result) == RESULT_KEYS
    assert result["rules_version"] == VERSION
    assert result["recommendations"][0]["destination"] == "police_emergency"
    assert isinstance(result["questions"], list) and isinstance(result["cautions"], list)
    assert out.endswith("\n") and out.count("\n") == 1
    assert err == ""


@pytest.mark.django_db
def test_questions_and_cautions_on_stdout():
    facts = {"country": "NL", "victim_age": 20, "forms": ["sextortion"], "offender_known": True}
    out, _ = run(json.dumps(facts))
    result = json.loads(out)
    assert list(result) == RESULT_KEYS
    assert result["questions"][0] == {
        "fact": "acute_danger",
        "question": "Is het slachtoffer of iemand in de buurt nu in gevaar?",
    }
    assert {"do_not_give_in", "do_not_confront_offender"} <= {caution["id"] for caution in result["cautions"]}
    assert result == route(parse_facts(facts), default_rule_set()).as_dict()


@pytest.mark.django_db
def test_a_list_in_a_list_out_with_one_query(django_assert_max_num_queries):
    cases = generate_cases(5000, seed=1)
    with django_assert_max_num_queries(1):
        out, _ = run(json.dumps(cases))
    results = json.loads(out)
    assert len(results) == 5000
    assert all(result["recommendations"] for result in results)
    assert all(list(result) == RESULT_KEYS for result in results)
    rule_set = default_rule_set()
    for case, result in zip(cases[:500], results, strict=False):
        assert result == route(parse_facts(case), rule_set).as_dict(), case


@pytest.mark.django_db
def test_empty_list():
    out, _ = run("[]")
    assert json.loads(out) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ('{"country": "DE", "forms": ["threat"]}', "facts: ongeldige feiten: country:"),
        ('{"country": "NL", "forms": ["threat"], "victim_age": true}', "victim_age:"),
        ('{"country": "NL", "forms": []}', "forms:"),
        ('{"country": "NL", "forms": ["threat"], "shoe": 42}', "shoe:"),
        (
            '[{"country": "NL", "forms": ["threat"]}, {"country": "NL", "forms": ["threat"], "victim_age": 121}]',
            "facts[1]: ongeldige feiten: victim_age:",
        ),
        ('[{"country": "NL", "forms": ["threat"]}, 3]', "facts[1]: ongeldige feiten: __all__:"),
        ("{not json", "stdin: ongeldige JSON"),
        ("", "stdin: ongeldige JSON"),
        ('"NL"', "stdin: verwacht"),
        ("[" * 100_000 + "]" * 100_000, "stdin: ongeldige JSON: te diep genest"),
        # Routing contract v2: the new facts are checked like the others.
        ('{"country": "NL", "forms": ["threat"], "setting": "home"}', "facts: ongeldige feiten: setting:"),
        ('{"country": "NL", "forms": ["threat"], "offender_relation": "teacher"}', "offender_relation:"),
        ('{"country": "NL", "forms": ["threat"], "offender_is_minor": "yes"}', "offender_is_minor:"),
        ('{"country": "NL", "forms": ["threat"], "self_harm_signs": 1}', "self_harm_signs:"),
        ('{"country": "NL", "forms": ["threat"], "money_lost": [true]}', "money_lost:"),
        ('{"country": "NL", "forms": ["threat"], "physical_sexual_violence": true}', "physical_sexual_violence:"),
        ('{"country": "NL", "forms": ["threat"], "unsafe_home": "no"}', "unsafe_home:"),
        (
            '[{"country": "NL", "forms": ["threat"], "setting": "school"},'
            ' {"country": "BE", "forms": ["threat"], "physical_sexual_violence": "recent"},'
            ' {"country": "BE", "forms": ["threat"], "physical_sexual_violence": "last week"}]',
            "facts[2]: ongeldige feiten: physical_sexual_violence:",
        ),
    ],
)
def test_invalid_input_exit_2_one_line(stdin, expected):
    assert expected in fails(stdin)


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh checkout: test settings, its own VAR_DIR, no database chosen."""
    env = {**os.environ, "VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "portal.settings.test", **extra}
    if "DATABASE_URL" not in extra:
        env.pop("DATABASE_URL", None)
    env.pop("TEST_WORKER_DATABASE", None)
    return env


def route_case(stdin: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "route_case", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("database", ["var_dir", "sqlite_file", "no_such_directory"])
def test_real_process_before_migrate_answers_with_the_shipped_rules(tmp_path, database):
    """A database that was never migrated (or cannot even be opened): exit 0, the shipped
    rules' answers on stdout, exactly one line on stderr, no traceback."""
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    extra = {
        "var_dir": {},  # the default: an SQLite file under VAR_DIR
        "sqlite_file": {"DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"},
        "no_such_directory": {"DATABASE_URL": f"sqlite:///{tmp_path / 'missing' / 'db.sqlite3'}"},
    }[database]
    env = clean_env(var_dir, **extra)
    cases = [example["facts"] for example in load_contract_examples()] + generate_cases(200, seed=11)
    assert any("offender_relation" in case or "self_harm_signs" in case for case in cases)
    done = route_case(json.dumps(cases), env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "migrate" in lines[0] and VERSION in lines[0]
    rule_set = default_rule_set()
    results = json.loads(done.stdout)
    assert results == [route(parse_facts(case), rule_set).as_dict() for case in cases]
    assert all(list(result) == RESULT_KEYS for result in results)
    if database != "var_dir":
        return  # the rest costs a process start each, and depends on no database
    # One object in, one object out; still one line on stderr.
    single = route_case(json.dumps(cases[0]), env)
    assert single.returncode == 0 and len(single.stderr.splitlines()) == 1, single.stderr
    assert json.loads(single.stdout) == results[0]
    # Invalid facts are refused before the database is asked: exit 2, only the facts' line.
    bad = route_case('{"country": "NL", "forms": ["threat"], "offender_relation": "teacher"}', env)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert len(bad.stderr.splitlines()) == 1 and "offender_relation" in bad.stderr, bad.stderr
    assert "Traceback" not in bad.stderr


def test_real_process_exit_codes_and_streams(tmp_path):
    """The real command line: exit codes, stdout and stderr as a caller sees them."""
    env = {**os.environ, "VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    command = [sys.executable, "manage.py", "route_case", "--defaults"]
    good = subprocess.run(
        command, input=json.dumps(generate_cases(3)), capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    assert good.returncode == 0, good.stderr
    assert len(json.loads(good.stdout)) == 3
    bad = subprocess.run(
        command,
        input='[{"country": "NL", "forms": ["threat"]}, {"country": "NL", "forms": ["threat"], "victim_age": true}]',
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1
    assert "facts[1]" in bad.stderr and "victim_age" in bad.stderr


@pytest.mark.django_db
def test_municipality_option(member_factory, municipality):
    from referrals import services

    coordinator = member_factory(municipality, Role.MUNICIPAL_COORDINATOR)
    services.local_destination_save(actor_membership=coordinator, code="wijkteam", label="Wijkteam")
    services.local_rule_save(
        actor_membership=coordinator,
        rule={
            "id": "wijkteam",
            "priority": 5,
            "conditions": {"all": []},
            "outcomes": [{"destination": "local:wijkteam", "urgency": "normal", "explanation": "Wijkteam."}],
        },
    )
    facts = '{"country": "NL", "forms": ["threat"]}'
    local, _ = run(facts, "--municipality", municipality.slug)
    assert "local:wijkteam" in local
    plain, _ = run(facts)
    assert "local:wijkteam" not in plain
    assert "--municipality" in fails(facts, "--municipality", "bestaat-niet")


# --- create_api_token --------------------------------------------------------------------------


def test_create_api_token_prints_it_once_and_stores_a_hash(org, member_factory):
    handler = member_factory(org, Role.CASE_HANDLER, email="handler@example.org")
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", "Handler@Example.org", "Leerlingvolgsysteem", stdout=out, stderr=err)
    token = out.getvalue().strip()
    assert token.startswith("vo_") and len(token) > 40
    stored = ApiToken.objects.get()
    assert stored.user == handler.user and stored.name == "Leerlingvolgsysteem"
    assert stored.token_hash == hash_token(token) and token not in stored.token_hash
    assert "niet nog eens getoond" in err.getvalue()


def test_create_api_token_refuses_without_a_routing_role(org, member_factory):
    learner = member_factory(org, Role.LEARNER, email="leerling@example.org")
    with pytest.raises(CommandError, match="geen actieve rol"):
        call_command("create_api_token", learner.user.email, "x", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Geen actieve gebruiker"):
        call_command("create_api_token", "nobody@example.org", "x", stdout=io.StringIO())
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_timing_goes_to_stderr_only():
    out, err = run(json.dumps(generate_cases(10)), "--timing")
    assert len(json.loads(out)) == 10
    assert err.startswith("route_case: 10 cases in ") and err.count("\n") == 1


def test_several_processes_give_the_same_bytes_and_the_same_errors(tmp_path):
    """``--jobs``: a long list is routed in child processes; stdout is byte for byte
    what one process writes, and invalid facts in any slice are refused the same way
    (exit 2, the first invalid item named, nothing on stdout)."""
    env = clean_env(tmp_path)
    cases = json.dumps(generate_cases(4000, seed=17))
    one = route_case(cases, env, "--defaults", "--jobs", "1")
    several = route_case(cases, env, "--defaults", "--jobs", "3")
    assert one.returncode == several.returncode == 0, several.stderr
    assert several.stdout == one.stdout
    assert len(json.loads(several.stdout)) == 4000
    broken = generate_cases(4000, seed=17)
    broken[3100]["victim_age"] = "twaalf"
    broken[3900]["setting"] = "kerk"
    bad = route_case(json.dumps(broken), env, "--defaults", "--jobs", "3")
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1 and "facts[3100]" in bad.stderr and "victim_age" in bad.stderr
    assert "Traceback" not in bad.stderr
    refused = route_case(cases, env, "--defaults", "--jobs", "0")
    assert refused.returncode == 2 and "--jobs" in refused.stderr


def test_with_the_shipped_rules_manage_py_routes_without_starting_django(tmp_path):
    """``route_case --defaults`` needs no database: manage.py runs the pure batch
    (referrals/routing/batch.py) without Django's start-up, with byte for byte the
    output, stderr lines and exit codes of the Django command."""
    cases = [example["facts"] for example in load_contract_examples()] + generate_cases(300, seed=23)
    env = clean_env(tmp_path)
    fast = route_case(json.dumps(cases), env, "--defaults")
    assert fast.returncode == 0, fast.stderr
    out, _err = run(json.dumps(cases), "--defaults")  # call_command: the Django command itself
    assert fast.stdout == out
    single = route_case(json.dumps(cases[0]), env, "--defaults")
    assert single.stdout == run(json.dumps(cases[0]), "--defaults")[0]
    bad = route_case('[{"country": "NL", "forms": ["threat"]}, {"country": "XX", "forms": []}]', env, "--defaults")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("CommandError: facts[1]: ongeldige feiten: country:"), bad.stderr
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import runpy, sys; sys.argv = ['manage.py', 'route_case', '--defaults']\n"
            "try:\n    runpy.run_path('manage.py', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "from django.apps import apps\n"
            "assert not apps.ready and 'portal.models' not in sys.modules, 'Django started'\n"
            "assert not [m for m in sys.modules if m.startswith('wagtail')], 'Wagtail imported'",
        ],
        input='{"country": "NL", "forms": ["threat"]}',
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
