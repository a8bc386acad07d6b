using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests;

/// <summary>
/// The app on PostgreSQL (with the test Redis), one database per test class that uses it, shared by the class's tests;
/// it also serves the deliberately failing endpoint the 500 tests call (<see cref="FaultInjection"/>).
/// </summary>
public sealed class PostgresApp() : AppFixture(DatabaseKind.Postgres)
{
    protected override Action<IServiceCollection>? Services => FaultInjection.AddThrowingEndpoint;
}

/// <summary>The app on a fresh SQLite file, one per test class that uses it, as <see cref="PostgresApp"/>.</summary>
public sealed class SqliteApp() : AppFixture(DatabaseKind.Sqlite)
{
    protected override Action<IServiceCollection>? Services => FaultInjection.AddThrowingEndpoint;
}
