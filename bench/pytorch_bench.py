"""The PyTorch side of the training benchmark (bench/README.md): seed 000's ConvNet_Flatten or ConvNet_GAP, trained as
seed 000 trained them (Adam 1e-3, batch 64, cross-entropy, loss.item() every step) on the shipped MNIST digits padded
to 3x32x32, the same images the TorchSharp side uses. Prints one JSON line of measurements.

usage: /usr/bin/python3 bench/pytorch_bench.py --net flatten|gap [--epochs 5] [--steps 40] [--threads 2]
"""
import argparse
import gzip
import json
import os
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F


class ConvNet_Flatten(nn.Module):
    # seed 000, unchanged
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
        self.conv3 = nn.Conv2d(64, 128, kernel_size=3, padding=1)
        self.relu = nn.ReLU()
        self.fc1 = nn.Linear(128 * 8 * 8, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        x = self.relu(self.conv3(x))
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


class ConvNet_GAP(nn.Module):
    # seed 000, unchanged
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
        self.conv3 = nn.Conv2d(64, 128, kernel_size=3, padding=1)
        self.relu = nn.ReLU()
        self.fc = nn.Linear(128, 10)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        x = self.relu(self.conv3(x))
        x = F.adaptive_avg_pool2d(x, 1)
        x = x.view(x.size(0), -1)
        return self.fc(x)


def read_idx(path, header):
    with gzip.open(path) as file:
        return np.frombuffer(file.read(), dtype=np.uint8, offset=header)


def shipped_digits(folder):
    """mnist-10k/train as float32 (N, 3, 32, 32): [0, 1], centred in 32x32, repeated over 3 channels, like LabeledImages.PadAndRepeat."""
    images = read_idx(os.path.join(folder, "train-images-idx3-ubyte.gz"), 16).reshape(-1, 28, 28).astype(np.float32) / np.float32(255)
    labels = read_idx(os.path.join(folder, "train-labels-idx1-ubyte.gz"), 8).astype(np.int64)
    padded = np.zeros((len(images), 3, 32, 32), dtype=np.float32)
    padded[:, :, 2:30, 2:30] = images[:, None]
    return torch.from_numpy(padded), torch.from_numpy(labels)


def resident_mib(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":")) / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--net", choices=["flatten", "gap"], required=True)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data", "mnist-10k"))
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    images, labels = shipped_digits(args.data)
    model = ConvNet_Flatten() if args.net == "flatten" else ConvNet_GAP()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    batch = 64

    epoch_seconds, rss = [], []
    model.train()
    for epoch in range(args.epochs):
        order = torch.randperm(len(images))
        start = time.perf_counter()
        for step in range(args.steps):
            chosen = order[step * batch:(step + 1) * batch]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(images[chosen]), labels[chosen])
            loss.item()
            loss.backward()
            optimizer.step()
        epoch_seconds.append(time.perf_counter() - start)
        rss.append(resident_mib("VmRSS"))

    print(json.dumps({
        "implementation": f"PyTorch {torch.__version__}",
        "net": args.net,
        "threads": torch.get_num_threads(),
        "batch": batch,
        "steps": args.steps,
        "epochSeconds": epoch_seconds,
        "rssMiB": rss,
        "peakRssMiB": resident_mib("VmHWM"),
    }))


if __name__ == "__main__":
    main()
