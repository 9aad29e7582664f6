"""The articles' MNIST experiment in PyTorch, timed per epoch, for side-by-side comparison with L1Lab.

Same model (784-256-10, ReLU), data (the repository's data/mnist, pixels scaled to [0, 1]), batch size 32,
SGD with lr 0.01, a fresh shuffle every epoch, the last short batch kept, and L1 on weight matrices only.
Each step reads the loss back (``loss.item()``), as L1Lab's trainer does to catch divergence.
Prints CSV rows: framework,mode,epoch,seconds,test_accuracy (seconds = training steps only).

Usage: /usr/bin/python3 benchmarks/pytorch/train_mnist.py [--epochs N] [--mode none|penalty|proximal] [--lambda L]
"""
import argparse
import gzip
import os
import pathlib
import time

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder, prefix):
    images = read_idx(folder / f"{prefix}-images-idx3-ubyte.gz")
    labels = read_idx(folder / f"{prefix}-labels-idx1-ubyte.gz")
    x = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255.0)
    return x, torch.from_numpy(labels.astype(np.int64))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--mode", choices=["none", "penalty", "proximal"], default="none")
    parser.add_argument("--lambda", dest="lam", type=float, default=0.01)
    parser.add_argument("--threads", type=int, default=os.cpu_count(),
                        help="intra-op threads (default: all cores, as TorchSharp uses)")
    parser.add_argument("--data", default=str(pathlib.Path(__file__).resolve().parents[2] / "data" / "mnist"))
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    folder = pathlib.Path(args.data)
    train_x, train_y = load(folder, "train")
    test_x, test_y = load(folder, "t10k")

    torch.manual_seed(42)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    weights = [p for p in model.parameters() if p.dim() > 1]
    lr, batch, n = 0.01, 32, len(train_x)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    generator = torch.Generator().manual_seed(42)

    print("framework,mode,epoch,seconds,test_accuracy")
    for epoch in range(1, args.epochs + 1):
        model.train()
        start = time.perf_counter()
        order = torch.randperm(n, generator=generator)
        images, labels = train_x[order], train_y[order]
        loss_sum = 0.0
        for first in range(0, n, batch):
            x, y = images[first:first + batch], labels[first:first + batch]
            loss = torch.nn.functional.cross_entropy(model(x), y)
            if args.mode == "penalty":
                loss = loss + args.lam * sum(w.abs().sum() for w in weights)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            if args.mode == "proximal":
                with torch.no_grad():
                    for w in weights:
                        w.copy_(torch.sign(w) * torch.clamp(w.abs() - lr * args.lam, min=0))
            loss_sum += loss.item()
        seconds = time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
        print(f"pytorch,{args.mode},{epoch},{seconds:.4f},{accuracy:.4f}", flush=True)


if __name__ == "__main__":
    main()
