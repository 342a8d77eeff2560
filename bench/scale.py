"""Every chat answer on a big store, message by message, on SQLite and PostgreSQL.

    python bench/scale.py [--customers 100000] [--purchases-each 10] [--db URL ...] [--lookups 200]

Generates customers with realistic names (about ten purchases each, skewed: a few buy a lot,
many once), imports them through `crmbot import` as a user would, then times each answer kind
through one long-lived bot process: a look-up with a typo (and its recall: the customer meant is
among the choices offered), a name and a reminder that match no customer (the parser reads every
message against the store's names), a busy customer's profile, a segment, the team's next actions, a
12-month report and 50 digests. Each is timed next to the naive full scan it replaces. Prints
p50 and p90 per kind, import rows/s, the nightly refresh time and the process's peak memory.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import insert, select, update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from throwaway import throwaway_postgres  # noqa: E402

from bot.dispatch import Bot  # noqa: E402
from bot.messages import Message  # noqa: E402
from bot.scheduler import DigestScheduler  # noqa: E402
from bot.settings import Settings  # noqa: E402
from crm_store import analytics  # noqa: E402
from crm_store.db import make_engine, transaction, upgrade  # noqa: E402
from crm_store.models import Customer, Interaction, Product, Staff  # noqa: E402
from crm_store.normalize import name_key  # noqa: E402
from crm_store.search import find_customers  # noqa: E402

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TODAY = date.today()
NOW = datetime.combine(TODAY, time_of_day(9), tzinfo=UTC)
FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy "
    "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew "
    "Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy "
    "Deborah Rahul Sofia Kwame Kenji Olivia Marcus Amara Chen Priya Lars Ingrid Mateo Lucia "
    "Yusuf Aisha Hiroshi Yuki Dmitri Elena Tomasz Agnieszka Sean Siobhan Pierre Camille Hans "
    "Greta Raj Ananya Diego Valentina Omar Leila Ivan Natalia Finn Freya Kofi Abena"
).split()
LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White "
    "Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres "
    "Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts "
    "Mehta Rossi Becker Mensah Dubois Sato Kowalski Novak Schmidt Müller Fischer Weber Wagner "
    "Okafor Adeyemi Tanaka Suzuki Ivanova Petrov Larsen Hansen Johansson Lindqvist Murphy "
    "O'Brien Kelly Singh Patel Sharma Gupta Costa Silva Santos Ferreira Moreau Laurent Bernard"
).split()
WORDS = (
    "Acme Globex Initech Umbrella Stark Hooli Vandelay Soylent Cyberdyne Tyrell Aperture Blue "
    "North South Pacific Atlantic Summit Pioneer Vertex Apex Nova Stellar Quantum Fusion Harbor "
    "River Lake Mountain Cedar Oak Pine Maple Silver Golden Iron Copper Crystal Bright Clear "
    "Swift Rapid Prime Alpha Delta Omega Zenith Horizon Beacon Keystone Lighthouse Granite"
).split()
KINDS = (
    "Systems Solutions Industries Labs Logistics Foods Media Partners Group Holdings Ventures "
    "Consulting Analytics Networks Robotics Energy Health Capital Software Design Supply"
).split()
SUFFIXES = ["GmbH", "Ltd", "Inc.", "LLC", "SA", ""]
PRODUCTS = [
    ("CRM Starter", "CRM Suite", 1, 300),
    ("CRM Pro", "CRM Suite", 2, 900),
    ("CRM Enterprise", "CRM Suite", 3, 2400),
    ("Support Basic", "Support", 1, 200),
    ("Support Premium", "Support", 2, 600),
    ("Analytics Add-on", "Analytics", 1, 450),
    ("API Access", "Integrations", 1, 350),
    ("Training Workshop", "Services", 1, 1500),
]
MANAGERS, REPS = 5, 45


def generate(folder: Path, customers: int, each: float, seed: int = 3) -> dict:
    """customers.csv and purchases.csv; returns the names to look up and the busiest customer."""
    rng = random.Random(seed)
    names = {}
    with (folder / "customers.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["External ID", "Name", "Company", "Email", "City", "Owner"])
        for n in range(1, customers + 1):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            company = (
                f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(KINDS)} "
                f"{rng.choice(SUFFIXES)}"
            ).strip()
            names[n] = (name, company)
            owner = f"Rep {1 + n % REPS}"
            email = f"c{n}@{company.split()[0].lower()}{n % 97}.example.com"
            writer.writerow([f"C{n}", name, company, email, "Berlin", owner])
    rows = 0
    busiest, most = 1, 0
    with (folder / "purchases.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["External ID", "Product", "Amount", "Currency", "Date"])
        for n in range(1, customers + 1):
            # skewed: geometric counts with a heavy tail, mean about `each`
            count = 1 + int(rng.expovariate(1 / (each - 1)) * rng.choice((0.3, 0.6, 1, 2.1)))
            start = rng.randint(30, 1000)
            size = rng.lognormvariate(5.5, 0.8)
            if count > most:
                busiest, most = n, count
            for _ in range(count):
                day = TODAY - timedelta(days=rng.randint(0, start))
                product = rng.choice(PRODUCTS)[0]
                writer.writerow(
                    [f"C{n}", product, f"{size * rng.uniform(0.7, 1.3):.2f}", "USD", day]
                )
                rows += 1
    return {"names": names, "busiest": busiest, "purchases": rows}


REMINDER = "remind me to renew my parking permit friday"


def typo(text_: str, rng: random.Random) -> str:
    """One slip of the keyboard in the name: a letter dropped, doubled, swapped or replaced."""
    letters = [i for i, c in enumerate(text_) if c.isalpha()]
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(4)
    if kind == 0:
        return text_[:i] + text_[i + 1 :]
    if kind == 1:
        return text_[:i] + text_[i] + text_[i:]
    if kind == 2 and text_[i + 1].isalpha() and text_[i] != text_[i + 1]:
        return text_[:i] + text_[i + 1] + text_[i] + text_[i + 2 :]
    return text_[:i] + rng.choice("aeiourstln") + text_[i + 1 :]


def crmbot(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], check=True, cwd=ROOT, capture_output=True
    )
    return time.perf_counter() - started


def percentiles(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return f"p50 {1000 * statistics.median(ordered):8.1f} ms   p90 {1000 * p90:8.1f} ms"


def bench(
    url: str, folder: Path, data: dict, customers: int, lookups: int, *, lookups_only: bool
) -> None:
    engine = make_engine(url)
    upgrade(engine)
    with transaction(engine) as session:
        session.execute(
            insert(Staff),
            [{"name": f"Manager {n + 1}", "role": "manager", "tz": "UTC"} for n in range(MANAGERS)]
            + [{"name": f"Rep {n + 1}", "role": "rep", "tz": "UTC"} for n in range(REPS)],
        )
        session.execute(
            insert(Product),
            [{"name": n, "family": f, "tier": t, "price": p} for n, f, t, p in PRODUCTS],
        )
    print(f"{engine.dialect.name}: {customers:,} customers, {data['purchases']:,} purchases")
    took = crmbot("import", "customers", str(folder / "customers.csv"), "--db", url)
    print(f"  import customers (crmbot import)   {customers / took:10,.0f} rows/s  ({took:.1f} s)")
    took = crmbot("import", "purchases", str(folder / "purchases.csv"), "--db", url)
    print(
        f"  import purchases + figures refresh {data['purchases'] / took:10,.0f} rows/s  "
        f"({took:.1f} s)"
    )
    rng = random.Random(9)
    with transaction(engine) as session:
        ids = session.execute(select(Customer.id)).scalars().all()
        session.execute(
            insert(Interaction),
            [
                {
                    "customer_id": rng.choice(ids),
                    "channel": "call",
                    "summary": "talked",
                    "occurred_at": NOW - timedelta(minutes=rng.randint(60, 300 * 24 * 60)),
                    "staff_id": rng.randint(MANAGERS + 1, MANAGERS + REPS),
                }
                for _ in range(customers)
            ],
        )
        session.execute(update(Staff).values(digest_time=time_of_day(8), digest_platform="bench"))
    started = time.perf_counter()
    with transaction(engine) as session:
        figures = analytics.refresh(session, today=TODAY)
    print(
        f"  nightly refresh (fit + store)      {time.perf_counter() - started:10.1f} s     "
        f"({len(figures.customers):,} buyers, {figures.model.kind})"
    )
    settings = Settings(database_url=url, tz="UTC")
    bot = Bot(engine, settings)

    def say(words: str, who: str = "Manager 1"):
        return bot.handle(Message("console", who, "bench", words, NOW, uuid.uuid4().hex))

    def timed(words: str, times: int = 5, who: str = "Manager 1") -> list[float]:
        spent = []
        for _ in range(times):
            started = time.perf_counter()
            say(words, who)
            spent.append(time.perf_counter() - started)
        return spent

    started = time.perf_counter()
    say("who is #1")
    say("who is zzyzx qwrt")
    print(f"  first look-up (builds the index)   {1000 * (time.perf_counter() - started):10.0f} ms")
    by_id = {}
    with transaction(engine) as session:
        for id_, external in session.execute(select(Customer.id, Customer.external_id)):
            by_id[int(external[1:])] = id_
    picks = rng.sample(sorted(data["names"]), lookups)
    spent, hits = [], 0
    for n in picks:
        name, _ = data["names"][n]
        typed = typo(name.lower(), rng)  # typed as people type in a chat
        started = time.perf_counter()
        reply = say(f"who is {typed}")
        spent.append(time.perf_counter() - started)
        offered = [row["Customer"] for row in reply.rows if "Which one" in (reply.text or "")]
        offered += [reply.title] if reply.title and " · #" in reply.title else []
        hits += name_key(name) in {name_key(shown.split(" (")[0]) for shown in offered}
    print(
        f"  look-up with a typo                {percentiles(spent)}   recall {hits / lookups:.3f}"
    )
    keys = {
        i: f"{name_key(a)} {name_key(b)}" for i, (a, b) in list(data["names"].items())[:customers]
    }
    naive = []
    for n in picks[:5]:
        started = time.perf_counter()
        process.extract(name_key(data["names"][n][0]), keys, scorer=fuzz.WRatio, limit=5)
        naive.append(time.perf_counter() - started)
    print(f"    naive full rapidfuzz scan        {percentiles(naive)}")
    with transaction(engine) as session:
        spent = []
        for n in picks:
            started = time.perf_counter()
            find_customers(session, typo(data["names"][n][0].lower(), rng))
            spent.append(time.perf_counter() - started)
    print(f"    the search alone (no reply)      {percentiles(spent)}")
    # the parser matches every message against the store's names: these two match none
    print(f"  a name no customer has             {percentiles(timed('wolfram and hart?'))}")
    print(f"  a reminder naming no customer      {percentiles(timed(REMINDER))}")
    busy = by_id[data["busiest"]]
    if lookups_only:
        print(
            f"  profile of a busy customer (#{busy})  {percentiles(timed(f'who is #{busy}', 20))}"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak memory of this process        {peak:10,.0f} MB")
        engine.dispose()
        return
    print(f"  profile of a busy customer (#{busy})  {percentiles(timed(f'who is #{busy}', 20))}")
    print(f"  segment “at risk customers”        {percentiles(timed('at risk customers'))}")
    print(f"  team next actions                  {percentiles(timed('next best actions'))}")
    print(f"  12-month report with chart         {percentiles(timed('revenue by month'))}")
    naive = []
    for _ in range(3):
        started = time.perf_counter()
        with transaction(engine) as session:
            analytics.compute(session, today=TODAY)
        naive.append(time.perf_counter() - started)
    print(f"    naive: recompute every figure    {percentiles(naive)}")

    class Discard:
        def send(self, staff, reply) -> None:
            pass

    scheduler = DigestScheduler(engine, settings, {"bench": Discard()})
    started = time.perf_counter()
    sent = scheduler.run_once(NOW)
    print(f"  {len(sent)} digests (one tick)              {time.perf_counter() - started:10.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory of this process        {peak:10,.0f} MB")
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", metavar="URL", help="store(s) to bench")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--purchases-each", type=float, default=10)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument(
        "--lookups-only", action="store_true", help="time look-ups and profiles, skip the rest"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="crmbot-scale-"))
    data = generate(folder, args.customers, args.purchases_each)
    flag = args.lookups_only
    targets = args.db or [f"sqlite:///{folder / 'scale.db'}", POSTGRES]
    try:
        for target in targets:
            if target.startswith("postgresql"):
                url, drop = throwaway_postgres(target)
                try:
                    bench(url, folder, data, args.customers, args.lookups, lookups_only=flag)
                finally:
                    drop()
            else:
                bench(target, folder, data, args.customers, args.lookups, lookups_only=flag)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
