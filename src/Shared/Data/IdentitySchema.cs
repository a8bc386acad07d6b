namespace Shared.Data;

/// <summary>Schema of the Identity module; Shared maps ASP.NET Core Identity's tables into it.</summary>
public static class IdentitySchema
{
    /// <summary>The schema name.</summary>
    public const string Name = "identity";
}
