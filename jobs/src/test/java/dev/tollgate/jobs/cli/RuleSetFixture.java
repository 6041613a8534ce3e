package dev.tollgate.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small rule set with tests that pass and fail, and a way to run the command line on it. */
public final class RuleSetFixture {
  public static final String RULES = """
      event Transaction { id: string  ts: timestamp  accountId: string  type: string  amount: decimal }

      const big = 1_000

      rule t.big_deposit {
        severity high
        category test
        title "Big deposit"
        description "A deposit of at least big."
        tags ["test", "deposit"]
        on Transaction
        where amount >= big
        alert "Deposit {id} of {amount}"
      }

      rule t.three_deposits {
        severity medium
        category test
        on Transaction
        key accountId
        window 1h
        having count() >= 3
        alert "Account {accountId}: {count()} deposits"
      }

      rule t.untested {
        severity low
        category test
        on Transaction
        where type == "FEE"
        alert "fee {id}"
      }

      rule t.refund {
        severity low
        category test
        mode disabled
        on Transaction
        where type == "REFUND"
        alert "refund {id}"
      }

      aggregate t.hourly {
        on Transaction
        group by accountId
        window tumbling 1h
        select count() as n, sum(amount) as total
      }

      test "big deposit fires" {
        rule t.big_deposit
        given {
          Transaction { id: "d1", ts: "2026-03-01T09:00:00Z", accountId: "A1", type: "DEPOSIT", amount: 1_500 }
        }
        expect alert { events: ["d1"], message: "Deposit d1 of 1500", severity: high }
        expect 1 alerts
      }

      test "small deposit stays quiet" {
        rule t.big_deposit
        given {
          Transaction { id: "d1", ts: "2026-03-01T09:00:00Z", accountId: "A1", type: "DEPOSIT", amount: 999.99 }
        }
        expect no alerts
      }

      test "three deposits expected on the wrong account" {
        rule t.three_deposits
        given {
          Transaction { id: "t1", ts: "2026-03-01T09:00:00Z", accountId: "A1", type: "DEPOSIT", amount: 10 }
          Transaction { id: "t2", ts: "2026-03-01T09:10:00Z", accountId: "A1", type: "DEPOSIT", amount: 10 }
          Transaction { id: "t3", ts: "2026-03-01T09:20:00Z", accountId: "A1", type: "DEPOSIT", amount: 10 }
        }
        expect alert { key: "A2", events: ["t1", "t2", "t3"] }
        expect 2 alerts
      }

      test "a late deposit does not count" {
        rule t.three_deposits
        given {
          Transaction { id: "t1", ts: "2026-03-01T09:00:00Z", accountId: "A1", type: "DEPOSIT", amount: 10 }
          Transaction { id: "t2", ts: "2026-03-01T09:30:00Z", accountId: "A1", type: "DEPOSIT", amount: 10 }
          Transaction { id: "t3", ts: "2026-03-01T09:10:00Z", accountId: "A1", type: "DEPOSIT", amount: 10 }
        }
        expect 1 alerts
      }

      test "a disabled rule still runs in its tests" {
        rule t.refund
        given {
          Transaction { id: "r1", ts: "2026-03-01T09:00:00Z", accountId: "A1", type: "REFUND", amount: 5 }
        }
        expect alert { events: ["r1"], message: "refund r1" }
      }

      test "hourly totals per account" {
        aggregate t.hourly
        given {
          Transaction { id: "o1", ts: "2026-03-01T09:10:00Z", accountId: "A1", type: "DEPOSIT", amount: 500 }
          Transaction { id: "o2", ts: "2026-03-01T09:20:00Z", accountId: "A1", type: "DEPOSIT", amount: 250.50 }
          Transaction { id: "o3", ts: "2026-03-01T11:00:00Z", accountId: "A1", type: "DEPOSIT", amount: 1 }
          Transaction { id: "o4", ts: "2026-03-01T12:00:00Z", accountId: "A2", type: "DEPOSIT", amount: 1 }
        }
        expect record { window_start: "2026-03-01T09:00:00Z", accountId: "A1", n: 2, total: 750.5 }
        expect 2 records
      }
      """;

  private RuleSetFixture() {}

  /** Writes the rule set to {@code dir/rules.rule} and returns that file. */
  static Path write(Path dir, String text) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("rules.rule"), text);
  }

  /** What a run of the command line printed and returned. */
  record Run(int exitCode, String out, String err) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  static Run tollgate(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TollgateCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
