using System.ComponentModel;
using System.Text.Json;
using Contracts.Identity;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Shared.Mcp;

namespace Modules.Identity.Features.ManageProfiles;

/// <summary>
/// MCP resources mirroring <c>GET /api/v1/identity/profiles</c> and <c>/profiles/{id}</c>: the caller's freelancer
/// profiles (scope <c>jobs:read</c>), through the same handler.
/// </summary>
[McpServerResourceType]
internal sealed class ProfilesResources(ManageProfiles profiles, IHttpContextAccessor http)
{
    [McpServerResource(UriTemplate = "upwork-assistant://profiles", Name = "freelancer_profiles", Title = "Your freelancer profiles", MimeType = "application/json")]
    [Description("Every freelancer profile of the user (default first): title, overview, skills, rate, portfolio and sample letters; the ids are what draft_cover_letter and analyze_job take as profileId.")]
    public async Task<string> ListAsync(CancellationToken ct) =>
        JsonSerializer.Serialize(await profiles.ListAsync(McpEndpoint.Caller(http, AccessScopes.JobsRead), ct), JsonSerializerOptions.Web);

    [McpServerResource(UriTemplate = "upwork-assistant://profiles/{id}", Name = "freelancer_profile", Title = "One freelancer profile", MimeType = "application/json")]
    [Description("One freelancer profile of the user by id.")]
    public async Task<string> GetAsync(string id, CancellationToken ct) =>
        await profiles.GetAsync(McpEndpoint.Caller(http, AccessScopes.JobsRead), McpEndpoint.Id(id, "id"), ct) is { } profile
            ? JsonSerializer.Serialize(profile, JsonSerializerOptions.Web)
            : throw new McpException($"Profile {id} was not found");
}
