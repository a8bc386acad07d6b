using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Modules.Identity.Features.EnforcePasswordPolicy;

/// <summary>The password rules in force, so clients (and the register form) can check as the user types.</summary>
internal sealed class PasswordPolicy(IOptions<IdentityOptions> identity)
{
    public PasswordRules Run()
    {
        var p = identity.Value.Password;
        var rules = new List<string> { $"At least {p.RequiredLength} characters" };
        if (p.RequireUppercase) rules.Add("An upper-case letter");
        if (p.RequireLowercase) rules.Add("A lower-case letter");
        if (p.RequireDigit) rules.Add("A digit");
        if (p.RequireNonAlphanumeric) rules.Add("A special character (not a letter or digit)");
        return new PasswordRules(p.RequiredLength, p.RequireUppercase, p.RequireLowercase, p.RequireDigit, p.RequireNonAlphanumeric, rules);
    }

    /// <summary>The specification's policy (docs/specification.md §9): 8+ characters with upper, lower, digit and special.</summary>
    public static void Configure(IdentityOptions o)
    {
        o.Password.RequiredLength = 8;
        o.Password.RequireUppercase = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireDigit = true;
        o.Password.RequireNonAlphanumeric = true;
    }
}

internal sealed record PasswordRules(
    int MinimumLength, bool RequireUppercase, bool RequireLowercase, bool RequireDigit, bool RequireSpecial, IReadOnlyList<string> Rules);
