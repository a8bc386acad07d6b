using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Shared.Api;

/// <summary>
/// Recognises an exception caused by a dependency being away rather than by a defect: the database restarting or
/// unreachable, its disk full, a SQLite file busy beyond its timeout, Redis gone. The API answers those with 503
/// (<see cref="ApiExceptionHandler"/>), which tells a client to retry, instead of a 500.
/// </summary>
internal static class DependencyOutage
{
    private const string Database = "The database is unavailable at the moment. Try again in a few seconds.";
    private const string Cache = "The cache (Redis) is unavailable at the moment. Try again in a few seconds.";
    private const string DiskFull = "The server's disk is full, so nothing can be saved until an administrator frees space. Reading still works.";

    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14;

    /// <summary>The message for the caller when <paramref name="exception"/> (or one it wraps) is an outage; otherwise null.</summary>
    public static string? Describe(Exception exception)
    {
        for (Exception? ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException { SqlState: "53100" }:
                case SqliteException { SqliteErrorCode: SqliteFull }:
                    return DiskFull;
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)   // connection exceptions
                    || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)                            // shutting down, cannot connect now
                    || pg.SqlState.StartsWith("53", StringComparison.Ordinal):                            // disk full, out of memory, too many connections
                    return Database;
                case PostgresException:
                    return null;   // a statement the server refused: a defect, not an outage
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return Database;
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoError or SqliteCantOpen:
                    return Database;
                case DbException { IsTransient: true }:
                    return Database;
                case StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException:
                    return Cache;
            }
        }
        return null;
    }
}
