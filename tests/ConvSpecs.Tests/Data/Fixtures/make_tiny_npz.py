# Makes tiny.npz, the NpzReader fixture, with NumPy itself: /usr/bin/python3 make_tiny_npz.py
# Pixel (i, 0, r, c) of split s is (s*4*784 + i*784 + r*28 + c) / (3*4*784) and label i of split s is (i + s) % 10,
# so every value is distinct, in [0, 1), and easy to recompute in the tests.
import numpy as np

arrays = {}
for s, split in enumerate(["train", "val", "test"]):
    arrays["X_" + split] = (np.arange(4 * 784) + s * 4 * 784).reshape(4, 1, 28, 28).astype(np.float32) / np.float32(3 * 4 * 784)
    arrays["y_" + split] = (np.arange(4, dtype=np.int64) + s) % 10
np.savez_compressed("tiny.npz", **arrays)
