namespace Modules.Ai.Data;

internal static class AiSchema
{
    public const string Name = "ai";
}
