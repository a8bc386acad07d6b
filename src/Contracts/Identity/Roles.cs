namespace Contracts.Identity;

/// <summary>The workspace roles every module checks (ASP.NET Core role names held in the sign-in cookie and token).</summary>
public static class Roles
{
    /// <summary>Runs the workspace: members, shared keys, business numbers, training, the Upwork account it shares.</summary>
    public const string Admin = "Admin";

    /// <summary>Every other account.</summary>
    public const string Member = "Member";
}
