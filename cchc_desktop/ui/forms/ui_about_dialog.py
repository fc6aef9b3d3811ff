# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)
from . import resources_rc

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(480, 260)
        self.main_layout = QVBoxLayout(AboutDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.title_layout = QHBoxLayout()
        self.title_layout.setSpacing(12)
        self.title_layout.setObjectName(u"title_layout")
        self.icon_label = QLabel(AboutDialog)
        self.icon_label.setObjectName(u"icon_label")
        self.icon_label.setMinimumSize(QSize(48, 48))
        self.icon_label.setMaximumSize(QSize(48, 48))
        self.icon_label.setPixmap(QPixmap(u":/icons/app.svg"))
        self.icon_label.setScaledContents(True)

        self.title_layout.addWidget(self.icon_label)

        self.title_label = QLabel(AboutDialog)
        self.title_label.setObjectName(u"title_label")
        font = QFont()
        font.setPointSize(14)
        font.setBold(True)
        self.title_label.setFont(font)

        self.title_layout.addWidget(self.title_label)


        self.main_layout.addLayout(self.title_layout)

        self.body_label = QLabel(AboutDialog)
        self.body_label.setObjectName(u"body_label")
        self.body_label.setWordWrap(True)

        self.main_layout.addWidget(self.body_label)

        self.version_label = QLabel(AboutDialog)
        self.version_label.setObjectName(u"version_label")
        self.version_label.setWordWrap(True)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.version_label)

        self.vertical_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.vertical_spacer)

        self.button_box = QDialogButtonBox(AboutDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"Gi\u1edbi thi\u1ec7u CCHC Desktop", None))
        self.title_label.setText(QCoreApplication.translate("AboutDialog", u"CCHC Desktop", None))
        self.body_label.setText(QCoreApplication.translate("AboutDialog", u"Theo d\u00f5i k\u1ebf ho\u1ea1ch c\u1ea3i c\u00e1ch h\u00e0nh ch\u00ednh h\u1eb1ng n\u0103m: nhi\u1ec7m v\u1ee5, th\u1eddi h\u1ea1n, ti\u1ebfn \u0111\u1ed9, minh ch\u1ee9ng, ch\u1ec9 ti\u00eau v\u00e0 b\u00e1o c\u00e1o theo th\u1ec3 th\u1ee9c Ngh\u1ecb \u0111\u1ecbnh 30/2020/N\u0110-CP.", None))
        self.version_label.setText("")
    # retranslateUi

