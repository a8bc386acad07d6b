using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Shared.Api;

/// <summary>
/// Default-deny for changes in a route group: every endpoint of the group that is not a GET or HEAD requires a policy
/// (a viewer's role cannot change bidding data), except endpoints marked <see cref="OwnAccount{TBuilder}"/>, which
/// change only the caller's own account and stay open to every role. A new POST in the group is guarded without anyone
/// remembering to guard it (docs/security.md, "Roles").
/// </summary>
public static class ChangePermission
{
    /// <summary>Requires <paramref name="policy"/> on every state-changing endpoint of the group that is not an own-account change.</summary>
    public static RouteGroupBuilder RequireForChanges(this RouteGroupBuilder group, string policy)
    {
        // Finally: the endpoint's own metadata (its HTTP method, OwnAccount) is only complete after every other convention.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var changes = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Any(m => m is not ("GET" or "HEAD"));
            if (changes && !endpoint.Metadata.OfType<OwnAccountMetadata>().Any() && !endpoint.Metadata.OfType<ChangesNothingMetadata>().Any())
                endpoint.Metadata.Add(new AuthorizeAttribute(policy));
        });
        return group;
    }

    /// <summary>
    /// Marks a POST that stores nothing (it takes a body only because its question is too large for a query string, as a
    /// backtest's criteria are): readable by every role that reads the group.
    /// </summary>
    public static TBuilder ChangesNothing<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ChangesNothingMetadata.Instance);

    /// <summary>Marks an endpoint as changing only the caller's own account (notifications, alert channels), open to every role.</summary>
    public static TBuilder OwnAccount<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OwnAccountMetadata.Instance);
}

/// <summary>Metadata of a POST that only computes an answer from its body and stores nothing (see <see cref="ChangePermission"/>).</summary>
public sealed class ChangesNothingMetadata
{
    /// <summary>The one instance.</summary>
    public static readonly ChangesNothingMetadata Instance = new();

    private ChangesNothingMetadata()
    {
    }
}

/// <summary>Metadata of an endpoint that changes only the caller's own account (see <see cref="ChangePermission"/>).</summary>
public sealed class OwnAccountMetadata
{
    /// <summary>The one instance.</summary>
    public static readonly OwnAccountMetadata Instance = new();

    private OwnAccountMetadata()
    {
    }
}
