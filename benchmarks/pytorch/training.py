"""The epoch loop both PyTorch comparison scripts time (train_mnist.py, train_cnn.py), written once.

SGD with a fresh seeded shuffle every epoch, the last short batch kept, the loss read back each step
(``loss.item()``, as L1Lab's trainer does to catch divergence), and the L1 mode applied to weight tensors
(dim > 1) only: ``penalty`` adds lam * sum|w| to the loss, ``proximal`` soft-thresholds by lr * lam after
each step, and ``after_step`` (if given) runs any further proximal step. Prints CSV rows
``pytorch,mode,epoch,seconds,held_out_accuracy`` (seconds = training steps only).
"""
import time

import torch


def train(model, train_x, train_y, held_x, held_y, *, epochs, mode, lam, lr, batch, after_step=None):
    weights = [p for p in model.parameters() if p.dim() > 1]
    n = len(train_x)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    generator = torch.Generator().manual_seed(42)
    print("framework,mode,epoch,seconds,held_out_accuracy")
    for epoch in range(1, epochs + 1):
        model.train()
        start = time.perf_counter()
        order = torch.randperm(n, generator=generator)
        images, labels = train_x[order], train_y[order]
        loss_sum = 0.0
        for first in range(0, n, batch):
            x, y = images[first:first + batch], labels[first:first + batch]
            loss = torch.nn.functional.cross_entropy(model(x), y)
            if mode == "penalty":
                loss = loss + lam * sum(w.abs().sum() for w in weights)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            if mode in ("proximal", "group"):
                with torch.no_grad():
                    for w in weights:
                        w.copy_(torch.sign(w) * torch.clamp(w.abs() - lr * lam, min=0))
            if after_step is not None:
                after_step()
            loss_sum += loss.item()
        seconds = time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            accuracy = (model(held_x).argmax(1) == held_y).float().mean().item()
        print(f"pytorch,{mode},{epoch},{seconds:.4f},{accuracy:.4f}", flush=True)
