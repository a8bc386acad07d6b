using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>A bounded least-recently-used map from text to vector; thread-safe (one lock, operations are O(1)).</summary>
internal sealed class VectorCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, float[] Vector)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, float[] Vector)> _recency = new();
    private readonly Lock _lock = new();

    /// <summary>How many vectors are held.</summary>
    public int Count
    {
        get { lock (_lock) return _index.Count; }
    }

    /// <summary>The vector for a key, marking it recently used.</summary>
    public bool TryGet(string key, out float[] vector)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                vector = node.Value.Vector;
                return true;
            }
        }
        vector = [];
        return false;
    }

    /// <summary>Stores a vector, dropping the least recently used one when full.</summary>
    public void Set(string key, float[] vector)
    {
        if (capacity <= 0) return;
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var existing)) _recency.Remove(existing);
            else if (_index.Count >= capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _index.Remove(oldest.Value.Key);
            }
            _index[key] = _recency.AddFirst((key, vector));
        }
    }
}
