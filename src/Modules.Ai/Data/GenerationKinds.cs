namespace Modules.Ai.Data;

internal static class GenerationKinds
{
    public const string CoverLetter = "cover_letter";
    public const string Analysis = "analysis";
}
