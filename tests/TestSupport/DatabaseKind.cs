namespace TestSupport;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
