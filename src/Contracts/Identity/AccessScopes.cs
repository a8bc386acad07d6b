namespace Contracts.Identity;

/// <summary>
/// What a personal access token may do (docs/mcp.md). A REST route or MCP tool names the one scope it needs; a token
/// reaches nothing that names none.
/// </summary>
public static class AccessScopes
{
    /// <summary>Search and read jobs, why they match, saved searches, freelancer profiles.</summary>
    public const string JobsRead = "jobs:read";

    /// <summary>Read proposals.</summary>
    public const string ProposalsRead = "proposals:read";

    /// <summary>Store letter drafts and change proposal statuses (never submit).</summary>
    public const string ProposalsWrite = "proposals:write";

    /// <summary>Generate letters and analyses (counts against the plan's quota).</summary>
    public const string AiWrite = "ai:write";

    /// <summary>Read the dashboard.</summary>
    public const string AnalyticsRead = "analytics:read";

    /// <summary>Every scope, in the order the Settings page lists them.</summary>
    public static readonly IReadOnlyList<string> All = [JobsRead, ProposalsRead, ProposalsWrite, AiWrite, AnalyticsRead];
}
