"""Test tiers (issue 20 step 6). `pytest` alone runs the fast tier; `pytest --all-tiers` (what
`.ci/run` does) runs every test. A test leaves the fast tier when it is marked (pyproject.toml
registers the markers) — by hand, or here, from what it uses:

- `postgres`: the PostgreSQL cluster (`pg_cluster`, or a fixture parametrised "postgres");
- `browser`: headless Chromium (tests/e2e, a `browser` fixture, a module naming CHROMIUM);
- `subprocess`: a real `python -m desk.cli` or another interpreter (`run_desk_process`, a test
  whose own code starts `sys.executable`, the waiting-room server or a script);
- `slow`: the tests listed in SLOW, measured at a second or more on the 2-core CI machine, and
  the Textual Pilot tests (`app.run_test()`).

Naming files or folders (`pytest tests/sync/test_x.py`) or a marker (`-m postgres`) runs what
was asked, every tier included."""

from __future__ import annotations

import ast
import functools
import inspect
import linecache
import os
import re
from typing import Any

import pytest

TIERS = ("slow", "subprocess", "postgres", "browser")
FAST = "not (" + " or ".join(TIERS) + ")"

# A test function's own code that starts another Python (a tool such as pdftotext is cheap):
# the interpreter, `multiprocessing`'s processes, the waiting-room server or a script.
_SPAWNS = re.compile(r"sys\.executable|desk\.cli\b.*Popen|run_desk_process|"
                     r"office\.(start|script)\(|\.Process\(")

# Measured with --durations on this 2-core machine (one process, under load): the slowest 60 of
# the fast tier (6 to 86 s each there), then the next 40 once those were out (1.5 to 9 s). The
# reports' figures came back (0.1-0.3 s each) once their history was copied, not rebuilt
# (tests/office_template.py). Node ids without their parameters, or module paths.
SLOW: frozenset[str] = frozenset({
    "tests/cli/test_cli.py::test_calendar_day_says_why",
    "tests/cli/test_cli.py::test_calendar_due_by_procedure_and_bad_input",
    "tests/cli/test_cli.py::test_calendar_due_examples",
    "tests/cli/test_quick_cli.py::test_a_new_install_still_answers_through_the_regular_path",
    "tests/cli/test_quick_cli.py::test_a_quick_show_is_audited_like_the_regular_one",
    "tests/cli/test_quick_cli.py::test_the_quick_answers_are_the_regular_ones",
    "tests/contracts/test_json_shapes.py::test_dossier_json_has_its_declared_shape",
    "tests/deadlines/test_apology.py::test_form_2018_title_and_no_channel_no_notice",
    "tests/deadlines/test_cli.py::test_apology_command",
    "tests/deadlines/test_screen.py::test_one_enter_never_issues_a_letter",
    "tests/deadlines/test_screen.py::test_refusals_stay_in_the_form",
    "tests/deadlines/test_screen.py::test_two_letters_by_keys_only",
    "tests/domain/test_calendar.py::test_between_inverts_add",
    "tests/domain/test_telex.py::test_every_syllable_round_trips",
    "tests/domain/test_telex.py::test_every_syllable_round_trips_in_the_old_style_too",
    "tests/domain/test_telex.py::test_tone_in_the_middle_or_at_the_end_gives_the_same_word",
    "tests/lobby/test_checkin_race.py::test_one_booking_checked_in_twice_at_once_gives_one_ticket",
    "tests/lobby/test_kiosk_booking.py::test_kiosk_books_with_keys_and_keeps_a_refusal",
    "tests/lobby/test_wait_estimate.py::test_accuracy_on_the_300_ticket_day",
    "tests/notify/test_outbox.py::test_the_apology_notice_gives_the_new_date_and_no_sms_means_none",
    "tests/printers/test_pdf.py::test_barcode_on_the_page_decodes",
    "tests/printers/test_pdf.py::test_pdf_timing_first_and_tenth",
    "tests/printers/test_pdf_warm.py::test_the_first_letter_finds_the_pdf_engine_warm",
    "tests/printers/test_print_cli.py::test_print_receipt_queues_and_prints",
    "tests/printers/test_printer_stress.py::test_intake_screen_says_the_receipt_waits_for_an_offline_printer",
    "tests/printers/test_printer_stress.py::test_slow_printer_prints_each_receipt_once",
    "tests/printers/test_printers_screen.py::test_reprint_the_selected_job",
    "tests/queue/test_concurrency.py::test_two_processes_never_get_the_same_ticket",
    "tests/queue/test_day_replay.py::test_day_replay",
    "tests/rules/test_rule_sets.py::test_2018_and_2025_dossiers_print_their_own_forms",
    "tests/screens/test_card_scan.py::test_a_mismatched_card_is_shown_and_not_silently_accepted",
    "tests/screens/test_card_scan.py::test_a_scan_into_a_telex_field_leaves_it_as_it_was",
    "tests/screens/test_counter_day.py::test_f12_locks_and_another_clerk_logs_in_without_restart",
    "tests/screens/test_counter_day.py::test_new_code_stays_visible_at_60x20",
    "tests/screens/test_counter_day.py::test_new_code_stays_visible_at_80x24",
    "tests/screens/test_intake.py::test_field_errors_are_shown_under_the_field_and_text_kept",
    "tests/screens/test_intake.py::test_leaving_with_unsaved_input_asks_and_keeps_the_draft",
    "tests/screens/test_intake.py::test_returning_citizen_intake_by_keys",
    "tests/screens/test_memory.py::test_dossiers_opened_and_closed_are_freed",
    "tests/screens/test_telex_word_end.py::test_khongo_becomes_khong_when_the_field_is_left",
    "tests/services/test_fees_attachments_steps.py::test_second_payment_refused_unless_a_correction",
    "tests/sync/test_audit_anchor.py::test_verify_finds_a_deleted_tail_and_a_recomputed_chain",
    "tests/sync/test_catalog_pull.py::test_cli_publish",
    "tests/sync/test_crash.py::test_kill9_at_point",
    "tests/sync/test_faults.py::test_slow_lossy_link_with_flapping",
    "tests/sync/test_long_offline.py::test_thirty_days_offline",
    "tests/sync/test_server_crash.py::test_server_killed_at_random_during_a_long_push",
    "tests/sync/test_stateful.py::test_sync_state_machine::runTest",
    "tests/trust/test_schemathesis.py::test_no_server_error_and_a_consistent_database",
    # the next 40
    "tests/cli/test_dossier_rows.py::test_list_and_search_print_labels_in_aligned_columns",
    "tests/contracts/test_json_shapes.py::test_intake_and_actions_print_the_dossier_view",
    "tests/i18n/test_call_sites.py::test_every_literal_key_is_in_the_catalogs",
    "tests/notify/test_modem_channel.py::test_cms_error_38_is_retried_later_and_sent_once",
    "tests/printers/test_print_cli.py::test_printer_status_of_a_fake_printer",
    "tests/printers/test_print_once.py::test_reprint_never_duplicates_a_waiting_receipt",
    "tests/printers/test_printer_stress.py::test_printers_screen_shows_no_stale_error_after_recovery",
    "tests/printers/test_spool.py::test_cable_pulled_mid_job_loses_nothing",
    "tests/printers/test_spool.py::test_out_of_paper_keeps_the_job_then_prints_it",
    "tests/reports/test_book_and_ratings.py::test_book_xlsx_and_pdf",
    "tests/reports/test_exports.py::test_pdf_shows_the_totals",
    "tests/reports/test_report_paper.py::test_report_header_words_are_whole",
    "tests/screens/test_no_raw_keys.py::test_dossier_screen_shows_no_key",
    "tests/screens/test_snapshots.py::test_intake_snapshot",
    "tests/screens/test_snapshots.py::test_search_snapshot",
    "tests/services/test_fees_attachments_steps.py::test_cli_fee_attach_step",
    "tests/storage/test_dossier_codes.py::test_two_processes_racing_never_share_a_code",
    "tests/sync/test_attachments.py::test_an_office_cannot_read_or_write_anothers_scans",
    "tests/sync/test_audit_anchor.py::test_a_restore_starts_a_new_series_without_a_false_alarm",
    "tests/sync/test_clock_skew.py::test_a_paused_dossier_resumed_locally_keeps_a_due_date",
    "tests/sync/test_district_memory.py::test_a_gigabyte_body_leaves_memory_flat",
    "tests/sync/test_faults.py::test_blackhole_times_out",
    "tests/sync/test_link_more.py::test_a_trickling_link_hits_the_total_deadline",
    "tests/sync/test_push_pull.py::test_clock_a_day_off_is_corrected",
    "tests/sync/test_server_crash.py::test_server_killed_mid_batch",
    "tests/trust/test_backup.py::test_restore_keeps_the_sync_identity_and_raises_the_epoch",
    "tests/trust/test_backup_manifest.py::test_a_copy_out_is_encrypted_by_default",
    "tests/trust/test_cli.py::test_backup_restore_and_audit_from_the_command_line",
    "tests/trust/test_cli.py::test_citizen_export_is_for_supervisors_and_audited",
    "tests/trust/test_fuzz.py::test_catalog_import_all_or_nothing",
})
# A test driving the Textual app through Pilot (`app.run_test()`): a second or more each.
_PILOT = re.compile(r"\.run_test\(")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--all-tiers", action="store_true",
                     help="run every tier: slow, subprocess, PostgreSQL and browser tests too "
                          "(.ci/run does); `pytest` alone runs the fast tier")


def pytest_configure(config: pytest.Config) -> None:
    worker = getattr(config, "workerinput", None)
    if worker is not None:  # an xdist worker: the controller decided
        if worker.get("desk_markexpr"):
            config.option.markexpr = worker["desk_markexpr"]
    elif (not config.option.markexpr and not config.getoption("--all-tiers")
          and config.args_source == pytest.Config.ArgsSource.TESTPATHS):
        config.option.markexpr = FAST
        _on_both_cores(config)
    if worker is not None or getattr(config.option, "numprocesses", None):
        _no_benchmarks(config)


def _on_both_cores(config: pytest.Config) -> None:
    """The fast tier runs on two pytest-xdist workers (`-n 2`) unless the command line says
    how (`-n 0`, `-n 4`, `--dist`, `-p no:xdist`), or wants one process (`--pdb`, `-s`,
    `--collect-only`), or the machine has one core. Naming files or a marker is not the fast
    tier: `pytest tests/x -x` stays one process. Set before xdist's own configure (trylast)."""
    opt = config.option
    if (config.pluginmanager.hasplugin("xdist") and getattr(opt, "numprocesses", 0) is None
            and getattr(opt, "dist", "") == "no" and not getattr(opt, "tx", None)
            and not opt.collectonly and not opt.usepdb and opt.capture != "no"
            and (os.cpu_count() or 1) >= 2):
        opt.numprocesses, opt.dist, opt.tx = 2, "load", ["popen"] * 2


def _no_benchmarks(config: pytest.Config) -> None:
    """What pytest-benchmark does under xdist, without its warning in every process (the
    benchmarks are in bench/, run on their own)."""
    if hasattr(config.option, "benchmark_disable"):
        config.option.benchmark_disable = True


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist: the workers select what the controller chose."""
    node.workerinput["desk_markexpr"] = node.config.option.markexpr


def pytest_report_header(config: pytest.Config) -> str | None:
    if config.option.markexpr == FAST:
        workers = getattr(config.option, "numprocesses", None)
        return ("fast tier: slow, subprocess, PostgreSQL and browser tests left out "
                "(pytest --all-tiers, or bash .ci/run, runs them)"
                + (f"; on {workers} workers (-n 0: one process)" if workers else ""))
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for tier in tiers_of(item):
            item.add_marker(tier)


def tiers_of(item: pytest.Item) -> set[str]:
    names = set(getattr(item, "fixturenames", ()))
    params = getattr(getattr(item, "callspec", None), "params", {})
    path = item.nodeid.split("::", 1)[0]
    found: set[str] = set()
    if "pg_cluster" in names or "postgres" in params.values():
        found.add("postgres")
    if (path.startswith("tests/e2e/") or "browser" in names
            or hasattr(getattr(item, "module", None), "CHROMIUM")):
        found.add("browser")
    if "run_desk_process" in names or _spawns(item):
        found.add("subprocess")
    if (path in SLOW or item.nodeid.split("[", 1)[0] in SLOW
            or _PILOT.search(_source(getattr(item, "function", None)))):
        found.add("slow")
    return found


def _spawns(item: pytest.Item) -> bool:
    """The test's own code, or a fixture it uses (but the root conftest's, named above), starts
    another Python or calls a helper of its module that does."""
    if _starts_python(getattr(item, "function", None), getattr(item, "module", None)):
        return True
    info = getattr(item, "_fixtureinfo", None)
    for defs in getattr(info, "name2fixturedefs", {}).values():
        for fixturedef in defs:
            func = getattr(fixturedef, "func", None)
            module = inspect.getmodule(func) if func is not None else None
            name = getattr(module, "__name__", "")
            # the root conftest's run_desk (in-process) shares a helper with run_desk_process
            if name.startswith("tests.") and name != "tests.conftest" and _starts_python(
                    func, module):
                return True
    return False


def _starts_python(function: Any, module: Any) -> bool:
    source = _source(function)
    if _SPAWNS.search(source):
        return True
    return any(re.search(rf"\b{name}\(", source) for name in _spawning_helpers(module))


_helpers: dict[str, frozenset[str]] = {}


def _spawning_helpers(module: Any) -> frozenset[str]:
    name = getattr(module, "__name__", "")
    if name not in _helpers:
        _helpers[name] = frozenset(
            fname for fname, f in vars(module).items()
            if inspect.isfunction(f) and not fname.startswith("test")
            and f.__module__.startswith("tests.") and f.__module__ != "tests.conftest"
            and _SPAWNS.search(_source(f)))  # its own helpers, or imported from other tests
    return _helpers[name]


def _source(function: Any) -> str:
    """A function's source, cut from its file's syntax tree parsed once (inspect.getsource
    tokenizes again for each function: seconds over two thousand tests)."""
    try:
        code = inspect.unwrap(function).__code__
    except (AttributeError, ValueError):
        return ""
    span = _spans(code.co_filename).get(code.co_firstlineno)
    if span is None:
        return ""
    return "".join(linecache.getlines(code.co_filename)[span[0] - 1:span[1]])


@functools.cache
def _spans(filename: str) -> dict[int, tuple[int, int]]:
    """First line (its first decorator's, as the compiler counts) → last line of each function
    defined in the file."""
    try:
        tree = ast.parse("".join(linecache.getlines(filename)))
    except (SyntaxError, ValueError):
        return {}
    spans: dict[int, tuple[int, int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            spans[first] = (first, node.end_lineno or node.lineno)
    return spans
