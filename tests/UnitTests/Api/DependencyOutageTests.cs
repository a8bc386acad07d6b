using Microsoft.Data.Sqlite;
using Npgsql;
using Shared.Api;
using StackExchange.Redis;

namespace UnitTests.Api;

/// <summary>Which failures the API answers with 503 (a dependency away: retry) rather than 500 (a defect).</summary>
public sealed class DependencyOutageTests
{
    [Fact]
    public void A_database_restarting_or_unreachable_is_an_outage()
    {
        DependencyOutage.Describe(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")).ShouldStartWith("The database is unavailable");
        DependencyOutage.Describe(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))).ShouldStartWith("The database is unavailable");
        // EF wraps what it could not retry: the inner exception decides.
        DependencyOutage.Describe(new InvalidOperationException("transient failure", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03")))
            .ShouldStartWith("The database is unavailable");
        DependencyOutage.Describe(new SqliteException("SQLite Error 5: 'database is locked'.", 5)).ShouldStartWith("The database is unavailable");
    }

    [Fact]
    public void A_full_disk_says_so_and_that_reading_still_works()
    {
        DependencyOutage.Describe(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13)).ShouldBe(
            "The server's disk is full, so nothing can be saved until an administrator frees space. Reading still works.");
        DependencyOutage.Describe(new PostgresException("could not extend file", "ERROR", "ERROR", "53100")).ShouldNotBeNull().ShouldContain("disk is full");
    }

    [Fact]
    public void Redis_gone_is_an_outage_of_the_cache()
    {
        DependencyOutage.Describe(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection")).ShouldStartWith("The cache (Redis) is unavailable");
    }

    [Fact]
    public void A_statement_the_database_refused_or_a_bug_is_not_an_outage()
    {
        DependencyOutage.Describe(new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505")).ShouldBeNull();
        DependencyOutage.Describe(new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'.", 19)).ShouldBeNull();
        DependencyOutage.Describe(new InvalidOperationException("Sequence contains no elements")).ShouldBeNull();
        DependencyOutage.Describe(new NullReferenceException()).ShouldBeNull();
    }
}
