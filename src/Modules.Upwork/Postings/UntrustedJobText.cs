namespace Modules.Upwork.Postings;

/// <summary>
/// A job's text as MCP tools return it (docs/mcp.md): written by a stranger on Upwork, so kept apart under
/// <c>untrustedUpworkContent</c> and labelled as data for the model, never instructions.
/// </summary>
internal sealed record UntrustedJobText(string Title, IReadOnlyList<string> Skills, string? Description);
