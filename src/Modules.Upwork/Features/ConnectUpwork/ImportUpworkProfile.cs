using System.Globalization;
using System.Text.Json;
using Contracts.Identity;
using Modules.Upwork.Integrations.UpworkApi;

namespace Modules.Upwork.Features.ConnectUpwork;

/// <summary>Reads the connected user's Upwork freelancer profile and stores it as one of their profiles (on request only).</summary>
internal sealed class ImportUpworkProfile(UpworkAccounts accounts, IFreelancerProfiles profiles)
{
    public async Task<FreelancerProfile> RunAsync(Guid userId, CancellationToken ct)
    {
        var result = await accounts.CallAsync(userId, UpworkQueries.FreelancerProfile(), ct, "Import profile button");
        var user = result.Data!.Value.GetProperty("user");
        JsonElement? profile = user.TryGetProperty("freelancerProfile", out var p) && p.ValueKind == JsonValueKind.Object ? p : null;
        JsonElement? personal = profile is { } pr && pr.TryGetProperty("personalData", out var pd) && pd.ValueKind == JsonValueKind.Object ? pd : null;
        var skills = new List<string>();
        if (profile is { } x && x.TryGetProperty("skills", out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("edges", out var edges) && edges.ValueKind == JsonValueKind.Array)
            foreach (var edge in edges.EnumerateArray())
                if (edge.TryGetProperty("node", out var node) && node.ValueKind == JsonValueKind.Object)
                    skills.Add(Str(node, "prettyName") ?? Str(node, "preferredLabel") ?? "");
        decimal? rate = null;
        if (personal is { } pe && pe.TryGetProperty("chargeRate", out var money) && money.ValueKind == JsonValueKind.Object
            && decimal.TryParse(Str(money, "rawValue"), NumberStyles.Number, CultureInfo.InvariantCulture, out var r))
            rate = r;
        var title = (personal is { } t ? Str(t, "title") : null) ?? $"{Str(user, "name") ?? "My"} on Upwork";
        return await profiles.ImportAsync(userId, new ImportedProfile(title, personal is { } d ? Str(d, "description") : null, skills, rate), ct);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
