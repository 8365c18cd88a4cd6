"""What `mkdocs serve` keeps from recent rebuilds (handbook/recent.py) and the theme listing kept
for the whole process (handbook_theme_cache.py)."""

from __future__ import annotations

from handbook.recent import RecentResults, digest_of


def test_a_result_is_taken_by_its_key_and_counted():
    results: RecentResults[str] = RecentResults()
    results.start_build()
    assert results.take("a") is None
    results.keep("a", "converted a")
    results.start_build()
    assert results.take("a") == "converted a"
    assert (results.taken, results.made) == (1, 0)


def test_results_beyond_a_few_builds_worth_go_least_recently_asked_first():
    results: RecentResults[int] = RecentResults(kept_for_builds=2)
    results.start_build()
    for number in range(3):
        results.keep(number, number)  # a build's worth: three results
    for build in range(5):
        results.start_build()
        results.take(0)
        results.keep(f"new {build}", build)
    results.start_build()
    assert len(results) == 6  # two builds' worth
    assert results.take(0) == 0  # asked for in every build
    assert results.take(1) is None and results.take(2) is None  # asked for only in the first
    assert results.take("new 4") == 4


def test_digests_keep_their_parts_apart():
    assert digest_of(["ab", "c"]) != digest_of(["a", "bc"])
    assert digest_of(["a", "b"]) == digest_of(["a", "b"])


def test_the_theme_listing_kept_for_the_process_finds_the_same_assets():
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    import handbook_theme_cache
    from sitecopy import REPO

    config = load_config(str(REPO / "mkdocs.yml"), hooks=[])
    plain = Files([])
    plain.add_files_from_theme(config.theme.get_env(), config)
    handbook_theme_cache.on_config(config)
    for _ in range(2):  # listed, then taken from what was listed
        kept = Files([])
        kept.add_files_from_theme(config.theme.get_env(), config)
        assert sorted((file.src_uri, file.abs_src_path) for file in kept) == sorted((file.src_uri, file.abs_src_path) for file in plain)
    assert len(plain) > 20
