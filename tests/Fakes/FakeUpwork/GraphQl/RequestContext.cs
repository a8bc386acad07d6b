using FakeUpwork.Http;
using GraphQL;

namespace FakeUpwork.GraphQl;

/// <summary>The GraphQL user context of one request: who calls, through which key and organization.</summary>
internal sealed class RequestContext(ServerContext server, FakeClient client, FakeUser user, FakeOrganization? organization)
    : Dictionary<string, object?>(StringComparer.Ordinal)
{
    public ServerContext Server { get; } = server;

    public FakeUpworkState State => Server.State;

    public FakeClock Clock => Server.Clock;

    public FakeClient Client { get; } = client;

    public FakeUser User { get; } = user;

    public FakeOrganization? Organization { get; } = organization;

    /// <summary>Set by a resolver to turn the whole answer into an HTTP 500 (the live behaviour of some query shapes).</summary>
    public bool ForceHttp500 { get; set; }
}

internal static class ResolveFieldContextExtensions
{
    public static RequestContext Req(this IResolveFieldContext context) => (RequestContext)context.UserContext;
}
