namespace TestSupport.Api;

/// <summary>A trained model as <c>/api/v1/ai/models</c> lists it: version, holdout metrics, whether it is in use.</summary>
public sealed record ModelInfo(Guid Id, string Name, bool Personal, int Version, int Rows, IReadOnlyDictionary<string, double> Metrics, bool IsActive);
