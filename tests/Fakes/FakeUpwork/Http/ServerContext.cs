namespace FakeUpwork.Http;

/// <summary>Everything the endpoints of one server share.</summary>
internal sealed class ServerContext(FakeUpworkOptions options, FakeClock clock, FakeUpworkState state, FakeFaults faults, FakeStats stats)
{
    public const string AuthorizePath = "/ab/account-security/oauth2/authorize";
    public const string TokenPath = "/api/v3/oauth2/token";
    public const string GraphQlPath = "/graphql";

    /// <summary>HttpContext.Items key for the root fields of a GraphQL request.</summary>
    public const string RootFieldsKey = "fake.rootFields";

    /// <summary>HttpContext.Items key for the operation name.</summary>
    public const string OperationNameKey = "fake.operationName";

    /// <summary>HttpContext.Items key for the authenticated Upwork user of a GraphQL request.</summary>
    public const string UserIdKey = "fake.userId";

    /// <summary>HttpContext.Items key for the variables JSON (or the grant type).</summary>
    public const string VariablesKey = "fake.variables";

    public FakeUpworkOptions Options { get; } = options;

    public FakeClock Clock { get; } = clock;

    public FakeUpworkState State { get; } = state;

    public FakeFaults Faults { get; } = faults;

    public FakeStats Stats { get; } = stats;

    public RateLimiter Limiter { get; } = new(options.RateLimits, clock);

    private GraphQL.Types.ISchema _schema = options.SchemaSdl is null ? GraphQl.SchemaFactory.Schema : GraphQl.SchemaFactory.Create(options.SchemaSdl);

    /// <summary>The schema /graphql serves now (tests may swap it to play Upwork changing its schema).</summary>
    public GraphQL.Types.ISchema Schema
    {
        get => Volatile.Read(ref _schema);
        set => Volatile.Write(ref _schema, value);
    }
}
